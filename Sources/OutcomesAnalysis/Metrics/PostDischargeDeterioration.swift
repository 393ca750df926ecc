import OutcomesCore

/// Post-discharge deterioration on one instrument: a `followup_30` or `followup_90` score, or one
/// dated 21-45 or 75-105 days after discharge, worse than the final score by at least the
/// reliable-change threshold. Covers the newest discharge cohort whose follow-up window (105
/// days) has fully elapsed; the denominator is pairs with at least one follow-up score.
public struct PostDischargeDeterioration: Sendable {
    public var instrument: String
    public var cohort: Period
    public var followedUp = 0
    public var deterioratedEpisodeIDs: [String] = []
    public var hasThreshold: Bool
    /// False for instruments without a published threshold or reliability (AUDIT, DAST-10): no metric is written.
    public var definesChange: Bool
    /// Each pair of the cohort: its final score, its follow-up scores after it and whether one was
    /// reliably worse, in pair order; empty unless kept (`keepingFacts`).
    public var episodes: [EpisodeFacts] = []

    /// One pair: its follow-up scores after the final and whether one was reliably worse.
    public struct EpisodeFacts: Hashable, Sendable {
        public var pair: OutcomePair
        public var followUps: [ScorePoint]
        public var deteriorated: Bool
    }

    /// - Parameter outcome: computed on `series` (its pairs name their entries of it).
    public init(outcome: SymptomOutcome, series: ScoreSeries, cohort: Period, keepingFacts: Bool = true) {
        instrument = outcome.instrument.code
        self.cohort = cohort
        hasThreshold = outcome.threshold != nil
        definesChange = outcome.instrument.reliableChangePoints != nil || outcome.instrument.reliability != nil
        let number = series.number(of: instrument)
        for (pair, entry) in zip(outcome.pairs, outcome.pairEntries) {
            let item = series.episodes[Int(entry)]
            guard let discharge = item.discharge else { continue }
            let scores = item.scores(number)
            guard !scores.isEmpty else { continue }
            let followUps = scores.filter { $0.day > pair.final.day && PostDischargeDeterioration.isFollowUp($0, discharge) }
            let worse = followUps.contains {
                outcome.threshold?.isReliable(outcome.instrument.improvement(from: $0.score, to: pair.final.score)) == true
            }
            if keepingFacts {
                self.episodes.append(EpisodeFacts(pair: pair, followUps: followUps, deteriorated: worse))
            }
            guard !followUps.isEmpty else { continue }
            followedUp += 1
            if worse { deterioratedEpisodeIDs.append(pair.episodeID) }
        }
    }

    static func isFollowUp(_ point: ScorePoint, _ discharge: Day) -> Bool {
        if point.timepoint == .followup30 || point.timepoint == .followup90 { return true }
        let days = discharge.days(to: point.day)
        return (21...45).contains(days) || (75...105).contains(days)
    }

    public func write(to metrics: inout MetricSet) {
        guard definesChange else { return }
        metrics.set(MetricID.relapse(instrument, "post_discharge_deterioration_rate"),
                    .rate(deterioratedEpisodeIDs.count, hasThreshold ? followedUp : 0))
    }
}
