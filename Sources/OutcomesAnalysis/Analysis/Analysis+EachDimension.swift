import OutcomesCore

extension Analysis {
    /// P overall and by each of `dimensions` in turn (not crossed): the overall cohort, its
    /// equity figures and its watch list are computed once and shared by every result, and
    /// each dimension's cohorts once. A report that cuts by program, site and payer asks this
    /// once instead of analysing P three times.
    ///
    /// - Returns: the overall result (no dimension) and one result per dimension, whose cohorts
    ///   are the shared overall cohort followed by that dimension's cohorts, as `analyze(_:options:by:)`
    ///   gives them.
    public static func analyze(_ dataset: AnalysisDataset, options: AnalysisOptions,
                               byEach dimensions: [CohortDimension])
        -> (overall: AnalysisResult, byDimension: [CohortDimension: AnalysisResult]) {
        let overallContext = CohortContext(dataset: dataset, options: options)
        let overallCohort = CohortResult(key: .overall, context: overallContext)
        let equity = Equity(overallContext, outcomes: overallCohort.outcomes)
        func result(_ dimensions: [CohortDimension], _ cohorts: [CohortResult]) -> AnalysisResult {
            AnalysisResult(period: options.period, windows: overallContext.windows, dimensions: dimensions,
                           cohorts: cohorts, equity: equity, unmatched: dataset.unmatched)
        }
        var byDimension: [CohortDimension: AnalysisResult] = [:]
        for dimension in unique(dimensions) {
            let cohorts = cohortContexts(dataset, overall: overallContext, options: options, by: [dimension])
                .map { CohortResult(key: $0.key, context: $0.context) }
            byDimension[dimension] = result([dimension], [overallCohort] + cohorts)
        }
        return (result([], [overallCohort]), byDimension)
    }
}
