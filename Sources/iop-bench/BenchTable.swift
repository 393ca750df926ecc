import Foundation

/// The printed result table: one line per step, with its target and whether it was met.
struct BenchTable {
    private struct Line {
        var step: String
        var rows: Int?
        var measurement: ChildProcess.Measurement
        var target: Target?
    }

    private var lines: [Line] = []
    private var ratios: [(label: String, numerator: String, denominator: String)] = []
    private var notes: [String] = []

    mutating func add(_ step: String, rows: Int?, _ measurement: ChildProcess.Measurement, target: Target? = nil) {
        lines.append(Line(step: step, rows: rows, measurement: measurement, target: target))
    }

    /// A rows-per-second ratio between the first steps whose names start with the two prefixes.
    mutating func addRatio(_ label: String, numerator: String, denominator: String) {
        ratios.append((label, numerator, denominator))
    }

    /// A line printed after the ratios, as it is.
    mutating func addNote(_ text: String) {
        notes.append(text)
    }

    private func rate(_ prefix: String) -> Double? {
        guard let line = lines.first(where: { $0.step.hasPrefix(prefix) }), let rows = line.rows else { return nil }
        return Double(rows) / line.measurement.seconds
    }

    func print(title: String) {
        Swift.print(title)
        Swift.print(pad("step", 46) + lpad("rows", 11) + lpad("seconds", 9) + lpad("rows/s", 10) + lpad("cores", 7)
                    + lpad("peak MB", 9) + "  target")
        for line in lines {
            let m = line.measurement
            let rate = line.rows.map { String(Int(Double($0) / m.seconds)) } ?? "-"
            let verdict = line.target.map { "\($0.text) \($0.isMet(by: m) ? "ok" : "MISSED")" } ?? ""
            Swift.print(pad(line.step, 46) + lpad(line.rows.map(String.init) ?? "-", 11)
                        + lpad(String(format: "%.2f", m.seconds), 9) + lpad(rate, 10)
                        + lpad(m.seconds > 0 ? String(format: "%.2f", m.cpuSeconds / m.seconds) : "-", 7)
                        + lpad(String(format: "%.1f", m.peakMegabytes), 9) + "  " + verdict)
        }
        for ratio in ratios {
            guard let top = rate(ratio.numerator), let bottom = rate(ratio.denominator) else { continue }
            Swift.print(pad(ratio.label, 46) + lpad(String(format: "%.2f", top / bottom), 11))
        }
        for note in notes { Swift.print(note) }
    }

    private func pad(_ text: String, _ width: Int) -> String { text.padding(toLength: width, withPad: " ", startingAt: 0) }
    private func lpad(_ text: String, _ width: Int) -> String { String(repeating: " ", count: max(1, width - text.count)) + text }
}
