import OutcomesAnalysis
import OutcomesCore
import OutcomesReports

extension ReportDefinition.Vocabulary {
    /// What the analysis engine computes: SPEC section 9 identifiers over the registry's instruments.
    public static func analysis(_ registry: InstrumentRegistry) -> ReportDefinition.Vocabulary {
        ReportDefinition.Vocabulary(
            isKnownMetric: { MetricRegistry.isKnown($0) { registry[$0] != nil } },
            isKnownInstrument: { registry[$0] != nil },
            cohortDimensions: Set(CohortDimension.allCases.map(\.rawValue)))
    }
}
