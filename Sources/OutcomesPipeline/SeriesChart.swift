import OutcomesAnalysis
import OutcomesIngest

/// A control chart of a series file, for the `spc` command: reads and checks the file, checks
/// the options against its length, and builds the chart.
public struct SeriesChart: Sendable {
    /// The chart.
    public let control: ControlChart
    /// What is plotted, from the file's header: "falls per 1000 patient_days", "seen of referred", "wait_days".
    public let valueName: String

    /// The chart of the file at `path` (named `displayName` in errors). Point numbers in
    /// `freeze`, `phaseEnds` and `excluded` count from 1, as the user gives them.
    public static func build(
        path: String, displayName: String, kind: ControlChart.Kind, multiplier: Double,
        freeze: Int?, phaseEnds: [Int], excluded: [Int]
    ) throws -> SeriesChart {
        let table = try SeriesFile.read(path: path, displayName: displayName, layout: layout(for: kind))
        let rows = table.rows
        func fail(_ message: String) -> SeriesFileError { SeriesFileError(file: displayName, message: message) }
        guard !rows.isEmpty else { throw fail("the file has a header but no data rows") }
        if let point = (phaseEnds + excluded).first(where: { !(1...rows.count).contains($0) }) {
            throw fail("point \(point) is not in the series: it has points 1 to \(rows.count)")
        }
        if let point = phaseEnds.first(where: { $0 == rows.count }) {
            throw fail("--part \(point) splits after the last point: a phase needs at least one point")
        }
        let firstPhase = phaseEnds.min() ?? rows.count
        if let freeze, !(1...firstPhase).contains(freeze) {
            throw fail("--freeze \(freeze) must lie within the first phase, points 1 to \(firstPhase)")
        }
        let options = SPCOptions(
            multiplier: multiplier, frozen: freeze.map { FrozenLimits(baseline: 0..<$0) },
            phaseEnds: phaseEnds, excluded: Set(excluded.map { $0 - 1 }))
        let observations = rows.map { SPCObservation(label: $0.label, value: $0.value, denominator: $0.denominator) }
        return SeriesChart(control: ControlChart.build(kind, observations, options: options),
                           valueName: valueName(table.header, kind: kind, multiplier: multiplier))
    }

    /// The y axis title: the value column's name, over its denominator for p and u charts.
    static func valueName(_ header: [String], kind: ControlChart.Kind, multiplier: Double) -> String {
        guard header.count > 2 else { return header.last ?? "" }
        let scale = multiplier == 1 ? "" : NumberText.exact(multiplier) + " "
        return kind == .u ? "\(header[1]) per \(scale)\(header[2])" : "\(header[1]) of \(header[2])"
    }

    /// The columns a chart of `kind` reads.
    static func layout(for kind: ControlChart.Kind) -> SeriesLayout {
        switch kind {
        case .p:
            return SeriesLayout(hasDenominator: true, valuesAreCounts: true, numeratorWithinDenominator: true,
                                columnNames: ["label", "numerator", "denominator"])
        case .u:
            return SeriesLayout(hasDenominator: true, valuesAreCounts: true, numeratorWithinDenominator: false,
                                columnNames: ["label", "count", "exposure"])
        case .c:
            return SeriesLayout(hasDenominator: false, valuesAreCounts: true, numeratorWithinDenominator: false,
                                columnNames: ["label", "count"])
        case .i, .mr, .run:
            return SeriesLayout(hasDenominator: false, valuesAreCounts: false, numeratorWithinDenominator: false,
                                columnNames: ["label", "value"])
        }
    }
}
