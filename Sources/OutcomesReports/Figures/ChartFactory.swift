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
        case .trend, .spc: what = "no monthly values of \(Format.label(request.metric ?? "").lowercased()) yet"
        case .dischargeReasons: what = "no discharges in \(periodText)"
        case .goalAttainment: what = "no rated goals among the discharges of \(periodText)"
        case .sessionMix: what = "no sessions scheduled in \(periodText)"
        case .severityBands, .severityShift, .changeByCohort, .trajectories:
            what = "no \(request.instrument ?? "") outcome pairs among the discharges of \(periodText)"
        case .retention: what = "no admissions to follow for retention"
        case .funnel: what = "fewer than two \(dimensionName(request.by))s with data in \(periodText)"
        }
        return "Chart left out: " + what + "."
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
        case StaffFunnel.dimension: return "clinician"
        case .some(let other): return other.replacingOccurrences(of: "_", with: " ")
        case .none: return "cohort"
        }
    }
}
