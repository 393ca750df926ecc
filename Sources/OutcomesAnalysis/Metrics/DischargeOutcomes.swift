import OutcomesCore

/// Completion and dropout among the discharges in P.
public struct DischargeOutcomes: Sendable {
    public var discharges = 0
    public var completed = 0
    /// `ama` and `lost_to_contact`.
    public var dropouts = 0
    /// Dropouts with a length of stay of 14 days or less.
    public var earlyDropouts = 0

    /// Each discharge in P with its reason and length of stay, in cohort order; empty unless the
    /// options keep episode facts.
    public var episodes: [EpisodeFacts] = []

    /// One discharge in P: its reason and length of stay.
    public struct EpisodeFacts: Hashable, Sendable {
        public var episodeID: String
        public var reason: DischargeReason?
        public var lengthOfStay: Int
    }

    /// Longest stay, in days, that still counts as an early dropout.
    public static let earlyDropoutDays = 14

    public init(_ context: CohortContext) {
        let table = context.dataset.episodes  // read once for every member
        for position in context.discharged(in: context.period) {
            let episode = table.row(position)
            discharges += 1
            if context.options.keepsEpisodeFacts, let discharge = episode.dischargeDate {
                episodes.append(EpisodeFacts(episodeID: episode.episodeID, reason: episode.dischargeReason,
                                             lengthOfStay: episode.admissionDate.days(to: discharge)))
            }
            if episode.dischargeReason == .completed { completed += 1 }
            guard episode.dischargeReason?.isDropout == true, let discharge = episode.dischargeDate else { continue }
            dropouts += 1
            if episode.admissionDate.days(to: discharge) <= DischargeOutcomes.earlyDropoutDays { earlyDropouts += 1 }
        }
    }

    public func write(to metrics: inout MetricSet) {
        metrics.set(MetricID.completionRate, .rate(completed, discharges))
        metrics.set(MetricID.dropoutRate, .rate(dropouts, discharges))
        metrics.set(MetricID.earlyDropoutRate, .rate(earlyDropouts, discharges))
    }
}
