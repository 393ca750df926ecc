import Charts
import Foundation

/// A stable text description of what a scene shows (axes, marks, notes), for golden-file tests.
///
/// Coordinates are rounded to 0.1 pt so the text is the same on every machine with the fixed-width measurer.
public enum ChartSceneDescription {
    public static func describe(_ scene: Scene) -> String {
        var lines = ["scene \(number(scene.size.width)) x \(number(scene.size.height))"]
        if let plot = scene.metadata.plotArea {
            lines.append("plot \(number(plot.x)) \(number(plot.y)) \(number(plot.width)) \(number(plot.height))")
        }
        for axis in scene.metadata.axes {
            let ticks = axis.ticks.map { tick in "\(String(format: "%.4g", tick.value))@\(number(tick.position))=\(tick.label ?? "-")" }
            lines.append("axis \(axis.edge.rawValue) \"\(axis.title)\" \(ticks.joined(separator: " "))")
        }
        for mark in scene.metadata.marks {
            var parts = ["mark \(mark.role.rawValue)"]
            if let series = mark.series { parts.append("series=\"\(series)\"") }
            if let index = mark.index { parts.append("index=\(index)") }
            if let value = mark.value { parts.append("value=\(String(format: "%.4g", value))") }
            if let text = mark.text { parts.append("text=\"\(text)\"") }
            parts.append(mark.points.map { "(\(number($0.x)),\(number($0.y)))" }.joined(separator: " "))
            lines.append(parts.joined(separator: " "))
        }
        for note in scene.metadata.notes { lines.append("note \(note)") }
        lines.append("labels \(scene.metadata.labels.count), primitives \(scene.primitives.count)")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return String(format: "%.1f", rounded == 0 ? 0 : rounded)
    }
}
