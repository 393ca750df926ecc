import Charts
import OutcomesAnalysis

/// One chart of the kinds reports draw, on its own (`iop-outcomes chart`): the same specs,
/// words and privacy rules as in a report.
public enum ReportCharts {
    /// A one-section definition holding just the chart, so that `ReportPlan` computes exactly
    /// the analyses the chart needs.
    public static func definition(
        kind: ReportChartKind, metric: String?, instrument: String?, by: String?, target: Double?,
        audience: ReportDefinition.Audience, trendMonths: Int, adjustments: SPCAdjustments = SPCAdjustments()
    ) -> ReportDefinition {
        let request = ChartRequest(kind: kind, metric: metric, instrument: instrument, by: by, target: target,
                                   fullWidth: true, adjustments: adjustments)
        return ReportDefinition(
            title: kind.rawValue, audience: audience, period: .month, trendMonths: trendMonths, description: nil, cover: false,
            sections: [ReportSection(title: kind.rawValue, blocks: [.chart(request)], newPage: false)],
            source: "chart")
    }

    /// A chart ready to build, or the sentence that says why there is nothing to draw.
    public enum Outcome: Sendable {
        case chart(ChartSpec, name: String, explanation: String?)
        case empty(String)
    }

    /// The chart of a definition made by `definition(kind:...)`.
    public static func chart(of definition: ReportDefinition, inputs: ReportInputs) -> Outcome {
        guard case .chart(let request)? = definition.sections.first?.blocks.first else {
            return .empty("the definition holds no chart")
        }
        let factory = ChartFactory(inputs: inputs, privacy: privacy(definition, inputs, request))
        guard let made = factory.spec(for: request) else { return .empty(factory.emptyMessage(for: request)) }
        return .chart(made.chart, name: made.name, explanation: made.explanation)
    }

    /// The chart's small-cell rules: an external chart is one output of disclosure control,
    /// decided from what a first drawing of it prints.
    private static func privacy(_ definition: ReportDefinition, _ inputs: ReportInputs, _ request: ChartRequest) -> Privacy {
        let disclosure = ReportDisclosure(inputs)
        guard definition.audience == .external else { return Privacy(external: false, disclosure: disclosure) }
        let privacy = Privacy(external: true, disclosure: disclosure)
        _ = ChartFactory(inputs: inputs, privacy: privacy).spec(for: request)
        disclosure.protect()
        return privacy
    }

    /// The control chart of an `spc` definition made by `definition(kind:...)`, its points
    /// labelled by month as YYYY-MM, for `chart spc --format json|csv`; nil without values.
    public static func controlChart(of definition: ReportDefinition, inputs: ReportInputs) -> ControlChart? {
        guard case .chart(let request)? = definition.sections.first?.blocks.first, request.kind == .spc else {
            return nil
        }
        let factory = ChartFactory(inputs: inputs, privacy: privacy(definition, inputs, request))
        return factory.metricControl(request) { trend in trend.points.map { String("\($0.period.from)".prefix(7)) } }?
            .control
    }
}
