import OutcomesCore

extension Analysis {
    /// P overall and by each of `dimensions` in turn (not crossed): the overall cohort, its
    /// equity figures and its watch list are computed once and shared by every result, and
    /// each dimension's cohorts once. A report that cuts by program, site and payer asks this
    /// once instead of analysing P three times.
    ///
    /// - Returns: the overall result (no dimension) and one result per dimension, whose cohorts
    ///   are the shared overall cohort followed by that dimension's cohorts, as `analyze(_:options:by:)`
    ///   gives them. A dimension named in `families` computes only those families for its
    ///   cohorts (`ReportPlan.dimensionFamilies`); any other, every family.
    public static func analyze(_ dataset: AnalysisDataset, options: AnalysisOptions,
                               byEach dimensions: [CohortDimension],
                               families: [CohortDimension: Set<MetricFamily>] = [:])
        -> (overall: AnalysisResult, byDimension: [CohortDimension: AnalysisResult]) {
        let overall = analyze(dataset, options: options)
        let cohorts = unique(dimensions).map { dimension in
            (dimension, dimensionCohorts(dataset, options: options, by: dimension,
                                         families: families[dimension] ?? Set(MetricFamily.allCases)))
        }
        return (overall, byDimension(overall, Dictionary(uniqueKeysWithValues: cohorts)))
    }

    /// The cohorts of one dimension's values among the episodes that matter for P, ordered by
    /// their values, without the overall cohort: the part of `analyze(_:options:byEach:)` that
    /// can run beside the overall analysis and the other dimensions'. Only `families` are
    /// computed (every one by default).
    public static func dimensionCohorts(_ dataset: AnalysisDataset, options: AnalysisOptions, by dimension: CohortDimension,
                                        families: Set<MetricFamily> = Set(MetricFamily.allCases)) -> [CohortResult] {
        dimensionCohorts(of: CohortContext(dataset: dataset, options: options), by: dimension, families: families)
    }

    /// `dimensionCohorts(_:options:by:families:)` among the members of `overall`, P's overall
    /// cohort already made (a report makes it once for all its dimensions), that can matter for
    /// `families` (`CohortContext.relevant(to:)`).
    public static func dimensionCohorts(of overall: CohortContext, by dimension: CohortDimension,
                                        families: Set<MetricFamily> = Set(MetricFamily.allCases)) -> [CohortResult] {
        cohortContexts(overall.dataset, overall: overall.relevant(to: families), options: overall.options,
                       by: [dimension])
            .map { CohortResult(key: $0.key, context: $0.context, families: families) }
    }

    /// One result per dimension: the overall result's cohort, equity and windows, followed by the
    /// dimension's cohorts (`dimensionCohorts`).
    public static func byDimension(_ overall: AnalysisResult, _ cohorts: [CohortDimension: [CohortResult]])
        -> [CohortDimension: AnalysisResult] {
        var results: [CohortDimension: AnalysisResult] = [:]
        for (dimension, dimensionCohorts) in cohorts {
            var result = overall
            result.dimensions = [dimension]
            result.cohorts = overall.cohorts + dimensionCohorts
            results[dimension] = result
        }
        return results
    }
}
