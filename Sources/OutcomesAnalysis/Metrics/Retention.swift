import OutcomesCore

/// Retention: Kaplan-Meier of days from admission to dropout, over episodes admitted in the 12
/// months ending with P, followed to the end of P; other endings and active episodes are censored.
public struct Retention: Sendable {
    public var curve: KaplanMeierCurve
    /// The admissions followed.
    public var window: Period

    /// Each admission followed and its observation, in cohort order; empty unless the options keep
    /// episode facts.
    public var episodes: [EpisodeFacts] = []

    /// One admission followed and its survival observation.
    public struct EpisodeFacts: Hashable, Sendable {
        public var episodeID: String
        public var observation: SurvivalObservation
    }

    public init(_ context: CohortContext) {
        window = context.windows.retention
        let end = context.period.to
        let table = context.dataset.episodes
        let admitted = context.admitted(in: window)
        let observations = admitted.map { position in
            let admission = table.admissionDate(at: position)
            if let discharge = table.dischargeDate(at: position), discharge <= end {
                return SurvivalObservation(time: admission.days(to: discharge),
                                           event: table.dischargeReason(at: position)?.isDropout == true)
            }
            return SurvivalObservation(time: admission.days(to: end), event: false)
        }
        if context.options.keepsEpisodeFacts {
            episodes = zip(admitted, observations).map {
                EpisodeFacts(episodeID: table.episodeID(at: $0), observation: $1)
            }
        }
        curve = KaplanMeierCurve(observations)
    }

    public func write(to metrics: inout MetricSet) {
        metrics.set(MetricID.retentionMedian, .statistic(
            value: curve.median, n: curve.n, ciLow: curve.medianCILow, ciHigh: curve.medianCIHigh))
    }
}
