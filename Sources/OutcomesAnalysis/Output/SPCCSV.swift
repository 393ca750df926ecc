import OutcomesCore

/// A control chart as CSV: one row per point with its centre, limits, phase and signals, and the
/// Anhøj analysis that judged it (its phase, or the baseline or follow-up of a frozen phase)
/// repeated on each of its rows, as qicharts2's data frame does. Full precision; CRLF line ends.
public enum SPCCSV {
    /// The header row.
    static let columns = [
        "x", "y", "n", "centre", "lower", "upper", "lower_2sigma", "upper_2sigma", "phase", "included",
        "outside_limits", "unusual_run", "useful_points", "longest_run", "longest_run_max", "crossings",
        "crossings_min", "runs_signal", "sigma_signal",
    ]

    /// The CSV text of `chart`.
    public static func encode(_ chart: ControlChart) -> String {
        var rows = [columns]
        for segment in chart.runsSegments {
            let runs = segment.runs
            let sigmaSignal = chart.phases[segment.phase].hasSigmaSignal
            for point in chart.points[segment.range] {
                rows.append([
                    CSVField.escapedText(point.label), number(point.value), number(point.denominator),
                    number(point.centre), number(point.lowerLimit), number(point.upperLimit),
                    number(point.warningLimits?.lower), number(point.warningLimits?.upper),
                    String(point.phase + 1), flag(point.isIncluded), flag(point.isOutsideLimits),
                    flag(point.isInLongRun), String(runs.usefulCount), String(runs.longestRun),
                    String(runs.longestRunLimit), String(runs.crossings), String(runs.minimumCrossings),
                    flag(runs.isSignal), flag(sigmaSignal),
                ])
            }
        }
        return rows.map { $0.joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    private static func number(_ value: Double?) -> String { value == nil ? "" : NumberText.exact(value) }
    private static func flag(_ value: Bool) -> String { value ? "true" : "false" }
}
