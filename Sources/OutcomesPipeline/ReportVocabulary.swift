import OutcomesAnalysis
import OutcomesCore
import OutcomesReports

extension ReportDefinition.Vocabulary {
    /// What the analysis engine computes: SPEC section 9 identifiers over the registry's instruments.
    public static func analysis(_ registry: InstrumentRegistry) -> ReportDefinition.Vocabulary {
        ReportDefinition.Vocabulary(
            isKnownMetric: { id in
                guard MetricFamily.of(id) != nil, MetricCatalog.entry(id) != nil else { return false }
                let parts = id.split(separator: ".")
                guard parts.count == 3 else { return true }
                let instrument = String(parts[1])
                return instrument == MetricID.combined || registry[instrument] != nil
            },
            isKnownInstrument: { registry[$0] != nil },
            cohortDimensions: Set(CohortDimension.allCases.map(\.rawValue)))
    }
}
