/// A metric family's result that keeps each episode's facts (what `explain` and the registry's
/// members list) besides its counts.
protocol EpisodeFactsHolder {
    associatedtype Facts
    var episodes: [Facts] { get set }
}

extension EpisodeFactsHolder {
    /// This result, without its episodes' facts unless `keeping`: a cohort drops each family's
    /// as soon as it is computed, so that they never add up (at 200,000 episodes they were the
    /// larger part of a report's peak memory).
    func keepingFacts(_ keeping: Bool) -> Self {
        guard !keeping else { return self }
        var result = self
        result.episodes = []
        return result
    }
}

extension SessionAttendance: EpisodeFactsHolder {}
extension FirstSession: EpisodeFactsHolder {}
extension Disengagement: EpisodeFactsHolder {}
extension DischargeOutcomes: EpisodeFactsHolder {}
extension Retention: EpisodeFactsHolder {}
extension Fidelity: EpisodeFactsHolder {}
extension SymptomRelapse: EpisodeFactsHolder {}
extension StepUp: EpisodeFactsHolder {}
extension PostDischarge: EpisodeFactsHolder {}
extension ReturnToUse: EpisodeFactsHolder {}
extension PostDischargeDeterioration: EpisodeFactsHolder {}
