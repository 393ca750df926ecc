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
        let dataset = context.dataset  // read once for every member
        for position in context.discharged(in: context.period) {
            guard let discharge = dataset.episodes.dischargeDate(at: position) else { continue }
            discharges += 1
            let stay = dataset.episodes.admissionDate(at: position)...discharge
            let event = dataset.firstPatientEvent(ofEpisodeAt: position) { $0.isStepUp && stay.contains($1) }
            let reason = dataset.episodes.dischargeReason(at: position)
            let episodeID = dataset.episodes.episodeID(at: position)
            if context.options.keepsEpisodeFacts {
                episodes.append(EpisodeFacts(episodeID: episodeID, reason: reason, event: event))
            }
            if reason == .stepUp || event != nil { steppedUpEpisodeIDs.append(episodeID) }
        }
    }

    public func write(to metrics: inout MetricSet) {
        metrics.set(MetricID.stepUpRate, .rate(steppedUpEpisodeIDs.count, discharges))
    }
}
