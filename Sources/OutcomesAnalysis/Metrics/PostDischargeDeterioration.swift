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

    /// The deterioration on `instrument` of the pairs of `series` (P's follow-up cohort), with
    /// the threshold `method` gives for their baselines. The pairs are found twice, as
    /// `SymptomOutcome` finds them (once for the baselines, once to compare), and not kept: a
    /// whole `SymptomOutcome` held 9 MB of pairs at the peak of a 1,000,000-episode QI review.
    public init(instrument: Instrument, series: ScoreSeries, method: ReliableChangeMethod, cohort: Period,
                keepingFacts: Bool = true) {
        self.instrument = instrument.code
        self.cohort = cohort
        definesChange = instrument.reliableChangePoints != nil || instrument.reliability != nil
        let number = series.number(of: instrument.code)
        /// Calls `body` with each discharged entry's pair, scores and discharge day, in series order.
        func forEachPair(_ body: (OutcomePair, ScoreList, Day) -> Void) {
            for item in series.episodes {
                let scores = item.scores(number)
                guard !scores.isEmpty, let discharge = item.discharge,
                      let pair = OutcomePair.find(episodeID: item.episodeID, scores: scores,
                                                  admission: item.admission, discharge: discharge)
                else { continue }
                body(pair, scores, discharge)
            }
        }
        var baselines: [Double] = []
        forEachPair { pair, _, _ in baselines.append(pair.baseline.score.doubleValue) }
        let threshold = ReliableChange.threshold(method, instrument, baselines: baselines)
        hasThreshold = threshold != nil
        forEachPair { pair, scores, discharge in
            let followUps = scores.filter { $0.day > pair.final.day && Self.isFollowUp($0, discharge) }
            let worse = followUps.contains {
                threshold?.isReliable(instrument.improvement(from: $0.score, to: pair.final.score)) == true
            }
            if keepingFacts { episodes.append(EpisodeFacts(pair: pair, followUps: followUps, deteriorated: worse)) }
            guard !followUps.isEmpty else { return }
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
