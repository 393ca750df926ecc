import Charts
import OutcomesAnalysis
import OutcomesCore

/// Builds the chart spec a definition asks for from the inputs; nil when there is nothing to draw.
struct ChartFactory {
    let inputs: ReportInputs
    let privacy: Privacy

    /// A chart and what to call its SVG file; `explanation` is printed under it (SPC signals in words).
    struct Made {
        var chart: ChartSpec
        var name: String
        var explanation: String?
    }

    var periodText: String { Format.period(inputs.period) }
    var overall: CohortResult? { inputs.overall }

    func spec(for request: ChartRequest) -> Made? {
        switch request.kind {
        case .trend: return trend(request)
        case .spc: return spc(request)
        case .dischargeReasons: return dischargeReasons()
        case .sessionMix: return sessionMix()
        case .severityBands: return severityBands(request)
        case .changeByCohort: return changeByCohort(request)
        case .severityShift: return severityShift(request)
        case .retention: return retention(request)
        case .goalAttainment: return goalAttainment()
        case .funnel: return funnel(request)
        case .trajectories: return trajectories(request)
        }
    }

    /// Why a chart is missing, said on the page instead of an empty frame.
    func emptyMessage(for request: ChartRequest) -> String {
        let what: String
        switch request.kind {
        case .trend, .spc: what = "\(Format.label(request.metric ?? "")): no monthly values to chart"
        case .dischargeReasons, .goalAttainment: what = "No discharges in \(periodText)"
        case .sessionMix: what = "No sessions scheduled in \(periodText)"
        case .severityBands, .severityShift, .changeByCohort, .trajectories:
            what = "No \(request.instrument ?? "") outcome pairs among the discharges of \(periodText)"
        case .retention: what = "No admissions to follow for retention"
        case .funnel: what = "Not enough data to compare \(request.by ?? "cohort")s"
        }
        return what + ": the chart is left out."
    }

    static func slug(_ text: String) -> String {
        String(text.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" })
            .split(separator: "-").joined(separator: "-")
    }

    /// The y axis of a metric: percent for proportions.
    func axis(for id: String, value: MetricValue?) -> AxisSpec {
        if let value, Format.isRate(value) {
            return AxisSpec(Format.label(id), unit: "%", format: .percent, includesZero: false)
        }
        if id.hasPrefix("census.") && !id.hasSuffix("_days") {
            return AxisSpec(Format.label(id), unit: "count", format: .integer, includesZero: true)
        }
        return AxisSpec(Format.label(id), format: .number)
    }

    func dimensionName(_ by: String?) -> String {
        switch by {
        case "program": return "track"
        case "site": return "site"
        case .some(let other): return other.replacingOccurrences(of: "_", with: " ")
        case .none: return "cohort"
        }
    }
}
