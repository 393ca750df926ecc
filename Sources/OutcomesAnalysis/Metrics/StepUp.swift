import OutcomesCore

/// Step-up during the episode, over discharges in P: discharge reason `step_up`, or a
/// `php_admission` or `psych_inpatient` event from admission to discharge, inclusive.
public struct StepUp: Sendable {
    public var discharges = 0
    public var steppedUpEpisodeIDs: [String] = []
    /// Each discharge in P with its reason and the first step-up event of the stay, in cohort
    /// order; empty unless the options keep episode facts.
    public var episodes: [EpisodeFacts] = []

    /// One discharge in P: its reason and the first step-up event of the stay.
    public struct EpisodeFacts: Hashable, Sendable {
        public var episodeID: String
        public var reason: DischargeReason?
        public var event: ClinicalEvent?
    }

    public init(_ context: CohortContext) {
        for position in context.discharged(in: context.period) {
            let episode = context.dataset.episodes.row(position)
            guard let discharge = episode.dischargeDate else { continue }
            discharges += 1
            let stay = episode.admissionDate...discharge
            let event = context.dataset.patientEvents(ofEpisodeAt: position).first {
                $0.type.isStepUp && stay.contains($0.date)
            }
            if context.options.keepsEpisodeFacts {
                episodes.append(EpisodeFacts(episodeID: episode.episodeID, reason: episode.dischargeReason,
                                             event: event))
            }
            if episode.dischargeReason == .stepUp || event != nil { steppedUpEpisodeIDs.append(episode.episodeID) }
        }
    }

    public func write(to metrics: inout MetricSet) {
        metrics.set(MetricID.stepUpRate, .rate(steppedUpEpisodeIDs.count, discharges))
    }
}
