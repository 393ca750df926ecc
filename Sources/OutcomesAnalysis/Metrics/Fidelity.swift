import OutcomesCore

/// Measurement-based care fidelity over the episodes discharged in P.
public struct Fidelity: Sendable {
    public var discharges = 0
    /// A score (any instrument) within 14 days either side of admission.
    public var withBaseline = 0
    /// Two or more scores on one instrument, dated up to discharge + 7 days.
    public var withTwoScores = 0
    /// A score with timepoint `discharge` or dated within 7 days of discharge.
    public var withDischargeScore = 0
    /// Complete episode-weeks in P (see `EpisodeWeeks`) and how many had a score.
    public var episodeWeeks = 0
    public var episodeWeeksWithScore = 0
    /// Each discharge in P: a baseline score, two scores on one instrument, a discharge score;
    /// empty unless kept (`keepingFacts`).
    public var episodes: [EpisodeFacts] = []

    /// One discharge in P: which measurement-based care checks it met.
    public struct EpisodeFacts: Hashable, Sendable {
        public var episodeID: String
        public var baseline: Bool
        public var twoScores: Bool
        public var dischargeScore: Bool
    }

    /// The checks of the series' discharges; each discharge's facts are kept when `keepingFacts`.
    public init(series: ScoreSeries, weeks: EpisodeWeeks, keepingFacts: Bool = true) {
        episodeWeeks = weeks.completeWeeks
        episodeWeeksWithScore = weeks.weeksWithScore
        for item in series.episodes {
            guard let discharge = item.discharge else { continue }
            discharges += 1
            let admission = item.admission
            let lastInTreatment = discharge.adding(days: OutcomePair.finalGraceDays)
            var baseline = false
            var two = false
            var atDischarge = false
            for number in 0..<item.instrumentCount {
                let scores = item.scores(number)
                if scores.contains(where: { OutcomePair.isInBaselineWindow($0.day, admission: admission) }) {
                    baseline = true
                }
                if scores.lazy.filter({ $0.day <= lastInTreatment }).count >= 2 { two = true }
                if scores.contains(where: { $0.timepoint == .discharge || abs(discharge.days(to: $0.day)) <= 7 }) {
                    atDischarge = true
                }
            }
            if keepingFacts {
                episodes.append(EpisodeFacts(episodeID: item.episodeID, baseline: baseline, twoScores: two,
                                             dischargeScore: atDischarge))
            }
            if baseline { withBaseline += 1 }
            if two { withTwoScores += 1 }
            if atDischarge { withDischargeScore += 1 }
        }
    }

    public func write(to metrics: inout MetricSet) {
        metrics.set(MetricID.baselineRate, .rate(withBaseline, discharges))
        metrics.set(MetricID.twoScoresRate, .rate(withTwoScores, discharges))
        metrics.set(MetricID.dischargeScoreRate, .rate(withDischargeScore, discharges))
        metrics.set(MetricID.weeklyMeasurementRate, .rate(episodeWeeksWithScore, episodeWeeks))
    }
}
