import OutcomesCore

/// A metric of one cohort explained down to the episode (internal use only: it lists
/// pseudonymous patient keys and episode identifiers): every episode in its denominator (or n),
/// whether it is in the numerator and the values that decided it, then every episode left out
/// and why.
public struct MetricExplanation: Sendable {
    /// One listed episode.
    public struct Row: Hashable, Sendable {
        /// The patient's pseudonym (never the source identifier).
        public var patientKey: String
        public var contribution: EpisodeContribution
    }

    public var period: Period
    public var cohort: CohortKey
    public var metric: String
    public var label: String
    public var definition: MetricDefinition
    /// The figure `analyze` prints for the cohort.
    public var value: MetricValue
    /// Members first (in cohort order), then the episodes left out.
    public var rows: [Row]

    /// The names of the deciding values, in first-seen order.
    public var valueNames: [String] {
        var seen = Set<String>()
        return rows.flatMap(\.contribution.values).map(\.name).filter { seen.insert($0).inserted }
    }

    /// Rows in the denominator (or n).
    public var members: [Row] { rows.filter(\.contribution.isMember) }
    /// Rows left out, each with its reason.
    public var excluded: [Row] { rows.filter { !$0.contribution.isMember } }
}

extension Analysis {
    /// Explains `metric` for P in the cohort `key` (over `key`'s dimensions; the overall cohort for
    /// the empty key); nil when the metric is unknown or the cohort does not hold it.
    public static func explain(_ dataset: AnalysisDataset, options: AnalysisOptions, metric: String,
                               cohort key: CohortKey = .overall) -> MetricExplanation? {
        let dimensions = key.components.map(\.dimension)
        guard let (definition, _) = MetricRegistry.resolve(metric),
              let context = cohortContexts(dataset, options: options, by: dimensions).first(where: { $0.key == key })?.context
        else { return nil }
        let cohort = CohortResult(key: key, context: context)
        guard let value = cohort.metrics[metric], let contributions = MetricRegistry.contributions(metric, of: cohort) else { return nil }
        let ordered = contributions.filter(\.isMember) + contributions.filter { !$0.isMember }
        let positions = dataset.episodes.positionsByEpisodeID()
        let rows = ordered.map { contribution in
            let position = positions[contribution.episodeID]
            return MetricExplanation.Row(patientKey: position.map { dataset.episodes[$0].patientKey } ?? "", contribution: contribution)
        }
        return MetricExplanation(period: options.period, cohort: key, metric: metric, label: MetricRegistry.label(metric) ?? metric,
                                 definition: definition, value: value, rows: rows)
    }
}
