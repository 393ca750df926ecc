import Charts
import OutcomesAnalysis

/// A built control chart as a series the Charts module draws: the one mapping used by the
/// reports' SPC charts and by the `spc` command, so that both look alike.
public enum SPCFigure {
    /// The chart of a series from outside the database (the `spc` command): `title` above it,
    /// `subtitle` (e.g. the file name) under the title, `valueTitle` on the y axis.
    public static func spec(
        _ control: ControlChart, title: String, subtitle: String, valueTitle: String
    ) -> ChartSpec {
        let percent = control.kind == .p && control.points.allSatisfy { ($0.upperLimit ?? 0) <= 1 }
        return ChartSpec(
            kind: .spc(series(control)), title: title, subtitle: subtitle, xAxis: AxisSpec("Period"),
            yAxis: AxisSpec(valueTitle, format: percent ? .percent : .number, includesZero: control.kind == .mr))
    }

    /// The drawable series of `control`; points in `withheld` (disclosure control) show with
    /// their mark, with no n and no limits (a p-chart's limits give its n back), and are never
    /// marked as signals.
    static func series(_ control: ControlChart, withheld: [Int: ChartValue] = [:]) -> SPCSeries {
        let points = control.points.enumerated().map { index, point in
            var signal: SPCPointSignal?
            let mark = withheld[index]
            if point.isOutsideLimits, let value = point.value, mark == nil {
                signal = (point.upperLimit.map { value > $0 } ?? false) ? .aboveUpperLimit : .belowLowerLimit
            }
            let value: ChartValue = mark ?? point.value.map { .value($0) } ?? .missing
            return SPCPoint(
                label: point.label, value: value, n: mark == nil ? point.denominator.map { Int($0) } : nil, centre: point.centre,
                lower: mark == nil ? point.lowerLimit : nil, upper: mark == nil ? point.upperLimit : nil, signal: signal,
                isIncluded: point.isIncluded, phase: point.phase)
        }
        return SPCSeries(
            chart: chartType(control.kind), points: points, runSignals: runSignals(control),
            baselineCount: control.phases.first?.baselineCount)
    }

    private static func chartType(_ kind: ControlChart.Kind) -> SPCChartType {
        switch kind {
        case .run: return .run
        case .p: return .p
        case .u: return .u
        case .c: return .c
        case .i: return .i
        case .mr: return .mr
        }
    }

    /// The Anhøj signals of every runs analysis; with several phases, each says which phase.
    private static func runSignals(_ control: ControlChart) -> [SPCRunSignal] {
        let segments = control.runsSegments
        return segments.flatMap { segment -> [SPCRunSignal] in
            let runs = segment.runs
            let phase = control.phases.count > 1 ? "phase \(segment.phase + 1): " : ""
            var out: [SPCRunSignal] = []
            if runs.hasUnusuallyLongRun {
                out.append(SPCRunSignal(
                    kind: .longRun, pointIndices: runs.signallingRunIndices,
                    detail: phase + "longest run \(runs.longestRun) points (limit \(runs.longestRunLimit))"))
            }
            if runs.hasTooFewCrossings {
                out.append(SPCRunSignal(
                    kind: .fewCrossings, pointIndices: [],
                    detail: phase + Format.counted(runs.crossings, "crossing")
                        + " (fewer than \(runs.minimumCrossings) expected)"))
            }
            return out
        }
    }
}
