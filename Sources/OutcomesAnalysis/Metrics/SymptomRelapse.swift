import OutcomesCore

/// Symptom relapse on one instrument with a response or remission rule (PHQ-9, GAD-7): after
/// reaching response or remission, a later score in the episode is again a case and has risen by
/// at least the reliable-change threshold from the lowest score so far.
public struct SymptomRelapse: Sendable {
    public var instrument: String
    /// Episodes (case at baseline) that reached response or remission after the baseline.
    public var reached = 0
    /// Of those, episodes that relapsed.
    public var relapsedEpisodeIDs: [String] = []
    /// False without a reliable-change threshold (the rate is then undefined).
    public var hasThreshold: Bool
    /// Each discharge with a baseline on the instrument: the baseline, and what followed for a
    /// case at baseline (nil when not a case), in cohort order; empty unless kept (`keepingFacts`).
    public var episodes: [EpisodeFacts] = []

    /// One discharge with a baseline: the baseline and, for a case at baseline, what followed.
    public struct EpisodeFacts: Hashable, Sendable {
        public var episodeID: String
        public var baseline: ScorePoint
        public var course: Course?
    }

    /// Uses the baseline (earliest score within 14 days of admission) and the later scores up to
    /// discharge + 7 days, in date order; the threshold is the one the outcome used. Each
    /// discharge's facts are kept when `keepingFacts`.
    public init?(outcome: SymptomOutcome, series: ScoreSeries, keepingFacts: Bool = true) {
        let instrument = outcome.instrument
        guard instrument.responseFraction != nil || instrument.remissionBelow != nil else { return nil }
        self.instrument = instrument.code
        hasThreshold = outcome.threshold != nil
        let number = series.number(of: instrument.code)
        for item in series.episodes {
            let admission = item.admission
            let scores = item.scores(number)
            guard !scores.isEmpty, let discharge = item.discharge,
                  let baseline = OutcomePair.baseline(in: scores, admission: admission)
            else { continue }
            guard instrument.isCase(baseline.score) else {
                if keepingFacts {
                    episodes.append(EpisodeFacts(episodeID: item.episodeID, baseline: baseline, course: nil))
                }
                continue
            }
            let later = scores.filter { $0.day > baseline.day && $0.day <= discharge.adding(days: OutcomePair.finalGraceDays) }
            let course = SymptomRelapse.course(instrument, baseline: baseline.score, later: later.map(\.score), outcome.threshold)
            if keepingFacts {
                episodes.append(EpisodeFacts(episodeID: item.episodeID, baseline: baseline, course: course))
            }
            switch course {
            case .neverReached: break
            case .reached: reached += 1
            case .relapsed:
                reached += 1
                relapsedEpisodeIDs.append(item.episodeID)
            }
        }
    }

    /// What happened after the baseline.
    public enum Course: Hashable, Sendable { case neverReached, reached, relapsed }

    /// Walks the scores after the baseline (the baseline itself cannot count as reaching response).
    public static func course(_ instrument: Instrument, baseline: Score, later: [Score],
                              _ threshold: ReliableChange?) -> Course {
        var reached = false
        var best = baseline
        for score in later {
            if reached, instrument.isCase(score), let threshold,
               threshold.isReliable(instrument.improvement(from: score, to: best)) {
                return .relapsed
            }
            if instrument.isResponse(baseline: baseline, final: score) || instrument.isRemission(score) {
                reached = true
            }
            if instrument.improvement(from: best, to: score) > 0 { best = score }
        }
        return reached ? .reached : .neverReached
    }

    public func write(to metrics: inout MetricSet) {
        metrics.set(MetricID.relapse(instrument, "symptom_relapse_rate"),
                    .rate(relapsedEpisodeIDs.count, hasThreshold ? reached : 0))
    }
}
