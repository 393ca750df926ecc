import OutcomesCore

/// Symptom outcomes on one instrument for the episodes discharged in P.
public struct SymptomOutcome: Sendable {
    public var instrument: Instrument
    /// Discharged episodes with at least one score on the instrument (the pairs denominator).
    public private(set) var episodesWithScores = 0
    /// Identifiers of those episodes (empty unless kept, and once `forgetEpisodes()` ran).
    public private(set) var scoredEpisodeIDs: Set<String> = []
    /// Which entries of the series have a score on the instrument, one bit per entry (what
    /// `CombinedOutcome` counts with, ids kept or not).
    private(set) var scoredEntries: [UInt64] = []
    /// The number of valid baseline/final pairs.
    public private(set) var pairCount = 0
    /// Valid baseline/final pairs, in episode order (empty once `forgetEpisodes()` ran).
    public private(set) var pairs: [OutcomePair] = []
    /// The series entry of each pair (same order as `pairs`): how the metrics computed from this
    /// outcome and its series (`CombinedOutcome`, `PostDischargeDeterioration`) find a pair's
    /// episode. Through dictionaries of episode ids, 2% of a 12-month report's instructions hashed them.
    private(set) var pairEntries: [Int32] = []
    /// Discharged episodes with a score but no valid pair, in episode order (empty unless kept).
    public private(set) var unpairedEpisodeIDs: [String] = []
    public var baseline: MeanEstimate
    public var final: MeanEstimate
    /// Final - baseline, with its Student-t 95% CI.
    public var change: MeanEstimate
    /// Mean change / SD of change.
    public var effectSize: Double?
    /// The threshold used; nil when the instrument has none (or Jacobson-Truax lacks data).
    public var threshold: ReliableChange?
    /// Reliable-change category of each pair (same order as `pairs`); empty without a threshold.
    public private(set) var categories: [ReliableChangeCategory] = []
    public var improved = 0
    public var deteriorated = 0
    /// Pairs that were a case at baseline: the recovery, response and remission denominator.
    public var casesAtBaseline = 0
    public var recovered = 0
    public var reliablyRecovered = 0
    public var responders = 0
    public var remitted = 0
    public var severityShift: SeverityShift?
    /// Every score (up to discharge + 7 days) of each episode with a pair, for spaghetti plots.
    public var trajectories: [ScoreTrajectory] = []

    /// Discharged episodes with scores but no valid pair: counted, never dropped.
    public var noPair: Int { episodesWithScores - pairCount }

    /// The outcome on `instrument` of the series' episodes; `trajectories` stays empty unless
    /// `keepingTrajectories`, `scoredEpisodeIDs` and `unpairedEpisodeIDs` unless
    /// `keepingEpisodeIDs` (at 200,000 episodes the sets were 20 MB of a 12-month report's peak).
    public init(instrument: Instrument, series: ScoreSeries, method: ReliableChangeMethod,
                keepingTrajectories: Bool = true, keepingEpisodeIDs: Bool = true) {
        self.instrument = instrument
        let number = series.number(of: instrument.code)
        // Sized up front: grown by doubling, a 12-month cohort's pairs held twice their size.
        let scored = series.episodes.lazy.filter { !$0.scores(number).isEmpty }.count
        if keepingEpisodeIDs { scoredEpisodeIDs.reserveCapacity(scored) }
        pairs.reserveCapacity(scored)
        pairEntries.reserveCapacity(scored)
        scoredEntries = [UInt64](repeating: 0, count: (series.episodes.count + 63) / 64)
        for (entry, item) in series.episodes.enumerated() {
            let scores = item.scores(number)
            guard !scores.isEmpty else { continue }
            episodesWithScores += 1
            scoredEntries[entry / 64] |= 1 << UInt64(entry % 64)
            if keepingEpisodeIDs { scoredEpisodeIDs.insert(item.episodeID) }
            guard let discharge = item.discharge,
                  let pair = OutcomePair.find(episodeID: item.episodeID, scores: scores,
                                              admission: item.admission, discharge: discharge)
            else {
                if keepingEpisodeIDs { unpairedEpisodeIDs.append(item.episodeID) }
                continue
            }
            pairs.append(pair)
            pairEntries.append(Int32(entry))
            guard keepingTrajectories else { continue }
            let last = discharge.adding(days: OutcomePair.finalGraceDays)
            // Scores are in date order: those up to `last` are a prefix, sharing the series' storage.
            trajectories.append(ScoreTrajectory(episodeID: pair.episodeID, admission: item.admission,
                                                points: scores.prefix { $0.day <= last }))
        }
        let baselines = pairs.map(\.baseline.score.doubleValue)
        pairCount = pairs.count
        baseline = MeanEstimate(baselines)
        final = MeanEstimate(pairs.map(\.final.score.doubleValue))
        change = MeanEstimate(pairs.map(\.change.doubleValue))
        if let mean = change.mean, let sd = change.standardDeviation, sd > 0 { effectSize = mean / sd }
        threshold = ReliableChange.threshold(method, instrument, baselines: baselines)
        severityShift = SeverityShift(instrument: instrument, pairs: pairs)
        classify()
    }

    /// Drops what is kept per episode (ids, pairs, categories, trajectories); the counts and
    /// estimates stay.
    public mutating func forgetEpisodes() {
        scoredEpisodeIDs = []
        scoredEntries = []
        pairs = []
        pairEntries = []
        unpairedEpisodeIDs = []
        categories = []
        trajectories = []
    }

    private mutating func classify() {
        categories.reserveCapacity(pairs.count)
        for pair in pairs {
            let category = threshold?.classify(instrument, baseline: pair.baseline.score, final: pair.final.score)
            if let category { categories.append(category) }
            if category == .improvement { improved += 1 }
            if category == .deterioration { deteriorated += 1 }
            guard instrument.isCase(pair.baseline.score) else { continue }
            casesAtBaseline += 1
            if !instrument.isCase(pair.final.score) {
                recovered += 1
                if category == .improvement { reliablyRecovered += 1 }
            }
            if instrument.isResponse(baseline: pair.baseline.score, final: pair.final.score) { responders += 1 }
            if instrument.isRemission(pair.final.score) { remitted += 1 }
        }
    }

    /// Writes `outcomes.<INSTRUMENT>.*`; rates an instrument cannot define (no threshold, no
    /// caseness, no response rule) are left out.
    public func write(to metrics: inout MetricSet) {
        let code = instrument.code
        metrics.set(MetricID.outcome(code, "pairs"), .rate(pairCount, episodesWithScores))
        metrics.set(MetricID.outcome(code, "no_pair"), .count(noPair))
        metrics.set(MetricID.outcome(code, "mean_baseline"), baseline.metric)
        metrics.set(MetricID.outcome(code, "mean_final"), final.metric)
        metrics.set(MetricID.outcome(code, "mean_change"), change.metric)
        metrics.set(MetricID.outcome(code, "effect_size"), .statistic(value: effectSize, n: change.n))
        let definesChange = instrument.reliableChangePoints != nil || instrument.reliability != nil
        writeAudit(to: &metrics, definesChange: definesChange)
        if definesChange {
            let den = threshold == nil ? 0 : pairCount
            metrics.set(MetricID.outcome(code, "reliable_improvement_rate"), .rate(improved, den))
            metrics.set(MetricID.outcome(code, "reliable_deterioration_rate"), .rate(deteriorated, den))
        }
        if instrument.casenessCutoff != nil {
            metrics.set(MetricID.outcome(code, "recovery_rate"), .rate(recovered, casesAtBaseline))
            if definesChange {
                let den = threshold == nil ? 0 : casesAtBaseline
                metrics.set(MetricID.outcome(code, "reliable_recovery_rate"), .rate(reliablyRecovered, den))
            }
        }
        if instrument.responseFraction != nil {
            metrics.set(MetricID.outcome(code, "response_rate"), .rate(responders, casesAtBaseline))
        }
        if instrument.remissionBelow != nil {
            metrics.set(MetricID.outcome(code, "remission_rate"), .rate(remitted, casesAtBaseline))
        }
    }

    /// Audit figures, each with the pairs it served as n: the SD of the baselines, and where the
    /// instrument has them, the reliable-change threshold used, the reliability and the caseness cutoff.
    private func writeAudit(to metrics: inout MetricSet, definesChange: Bool) {
        let code = instrument.code
        let n = pairs.count
        metrics.set(MetricID.outcome(code, "baseline_sd"), .statistic(value: baseline.standardDeviation, n: n))
        if definesChange { metrics.set(MetricID.outcome(code, "reliable_change_threshold"), .statistic(value: threshold?.points, n: n)) }
        if let reliability = instrument.reliability {
            metrics.set(MetricID.outcome(code, "reliability"), .statistic(value: reliability, n: n))
        }
        if let cutoff = instrument.casenessCutoff {
            metrics.set(MetricID.outcome(code, "caseness_cutoff"), .statistic(value: cutoff.doubleValue, n: n))
        }
    }
}
