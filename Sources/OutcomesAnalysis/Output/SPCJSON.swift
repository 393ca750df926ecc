/// A control chart as JSON, full precision:
/// `{"chart": "p", "points": [{"x", "y", "n", "centre", "lower", "upper", "lower_2sigma",
/// "upper_2sigma", "phase", "included", "outside_limits", "unusual_run"}],
/// "phases": [{"phase", "from", "to", "points", "baseline_points", "centre", "sigma_signal",
/// "runs": [{"from", "to", "useful_points", "longest_run", "longest_run_max", "crossings",
/// "crossings_min", "runs_signal"}]}]}`. Phases count from 1; a frozen phase has two runs
/// analyses (its baseline, then the points after it), any other phase one.
public enum SPCJSON {
    /// The JSON text of `chart`.
    public static func encode(_ chart: ControlChart) -> String {
        let points = chart.points.map { point in
            "{" + [
                field("x", AnalysisJSON.quote(point.label)), field("y", NumberText.exact(point.value)),
                field("n", NumberText.exact(point.denominator)), field("centre", NumberText.exact(point.centre)),
                field("lower", NumberText.exact(point.lowerLimit)), field("upper", NumberText.exact(point.upperLimit)),
                field("lower_2sigma", NumberText.exact(point.warningLimits?.lower)),
                field("upper_2sigma", NumberText.exact(point.warningLimits?.upper)),
                field("phase", String(point.phase + 1)), field("included", String(point.isIncluded)),
                field("outside_limits", String(point.isOutsideLimits)),
                field("unusual_run", String(point.isInLongRun)),
            ].joined(separator: ", ") + "}"
        }
        let segments = chart.runsSegments
        let phases = chart.phases.enumerated().map { number, phase in
            let runs = segments.filter { $0.phase == number }.map { runsObject($0, chart) }
            return "{" + [
                field("phase", String(number + 1)), field("from", label(chart, phase.range.first)),
                field("to", label(chart, phase.range.last)), field("points", String(phase.range.count)),
                field("baseline_points", phase.baselineCount.map(String.init) ?? "null"),
                field("centre", NumberText.exact(phase.centre)), field("sigma_signal", String(phase.hasSigmaSignal)),
                field("runs", "[" + runs.joined(separator: ", ") + "]"),
            ].joined(separator: ", ") + "}"
        }
        return "{\n  \"chart\": \(AnalysisJSON.quote(chart.kind.rawValue)),\n  \"points\": [\n    "
            + points.joined(separator: ",\n    ") + "\n  ],\n  \"phases\": [\n    "
            + phases.joined(separator: ",\n    ") + "\n  ]\n}\n"
    }

    private static func runsObject(_ segment: RunsSegment, _ chart: ControlChart) -> String {
        let runs = segment.runs
        return "{" + [
            field("from", label(chart, segment.range.first)), field("to", label(chart, segment.range.last)),
            field("useful_points", String(runs.usefulCount)), field("longest_run", String(runs.longestRun)),
            field("longest_run_max", String(runs.longestRunLimit)), field("crossings", String(runs.crossings)),
            field("crossings_min", String(runs.minimumCrossings)), field("runs_signal", String(runs.isSignal)),
        ].joined(separator: ", ") + "}"
    }

    private static func label(_ chart: ControlChart, _ index: Int?) -> String {
        index.map { AnalysisJSON.quote(chart.points[$0].label) } ?? "null"
    }

    private static func field(_ name: String, _ value: String) -> String { "\"\(name)\": \(value)" }
}
