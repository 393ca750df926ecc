import Charts

/// A word-sized trend line: the months as a thin line, the newest month as a dot.
struct Sparkline {
    let values: [Double?]

    func primitives(in box: Rect) -> [Primitive] {
        let numbers = values.compactMap { $0 }
        guard numbers.count >= 2, let low = numbers.min(), let high = numbers.max() else {
            return [.text(TextRun(text: "no trend", position: Point(x: box.midX, y: box.midY), anchor: TextAnchor(.middle, .middle),
                                  font: ReportStyle.tableDetail, color: ReportStyle.secondary))]
        }
        let span = high - low > 1e-12 ? high - low : 1
        let step = values.count > 1 ? box.width / Double(values.count - 1) : 0
        func point(_ index: Int, _ value: Double) -> Point {
            let fraction = high - low > 1e-12 ? (value - low) / span : 0.5
            return Point(x: box.x + Double(index) * step, y: box.maxY - 1 - fraction * (box.height - 2))
        }
        var out: [Primitive] = []
        var run: [Point] = []
        for (index, value) in values.enumerated() {
            if let value { run.append(point(index, value)) } else {
                if run.count > 1 { out.append(.polyline(run, StrokeStyle(color: ReportStyle.secondary, width: 0.8))) }
                run = []
            }
        }
        if run.count > 1 { out.append(.polyline(run, StrokeStyle(color: ReportStyle.secondary, width: 0.8))) }
        if let lastIndex = values.lastIndex(where: { $0 != nil }), let last = values[lastIndex] {
            out.append(.marker(Marker(shape: .circle, center: point(lastIndex, last), size: 3, fill: ReportStyle.accent)))
        }
        return out
    }
}
