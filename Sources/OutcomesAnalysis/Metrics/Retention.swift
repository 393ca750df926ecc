import OutcomesCore

/// Retention: Kaplan-Meier of days from admission to dropout, over episodes admitted in the 12
/// months ending with P, followed to the end of P; other endings and active episodes are censored.
public struct Retention: Sendable {
    public var curve: KaplanMeierCurve
    /// The admissions followed.
    public var window: Period

    /// Each admission followed and its observation, in cohort order.
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
        episodes = context.admitted(in: window).map { position in
            let admission = table.admissionDate(at: position)
            if let discharge = table.dischargeDate(at: position), discharge <= end {
                return EpisodeFacts(episodeID: table.episodeID(at: position),
                                    observation: SurvivalObservation(time: admission.days(to: discharge),
                                                                     event: table.dischargeReason(at: position)?.isDropout == true))
            }
            return EpisodeFacts(episodeID: table.episodeID(at: position),
                                observation: SurvivalObservation(time: admission.days(to: end), event: false))
        }
        curve = KaplanMeierCurve(episodes.map(\.observation))
    }

    public func write(to metrics: inout MetricSet) {
        metrics.set(MetricID.retentionMedian, .statistic(
            value: curve.median, n: curve.n, ciLow: curve.medianCILow, ciHigh: curve.medianCIHigh))
    }
}
