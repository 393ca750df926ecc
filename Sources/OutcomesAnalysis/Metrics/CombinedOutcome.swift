import OutcomesCore

/// The paired depression-and-anxiety outcome (NHS Talking Therapies national definitions), over
/// episodes with both a PHQ-9 and a GAD-7 pair.
public struct CombinedOutcome: Sendable {
    public static let depression = "PHQ-9"
    public static let anxiety = "GAD-7"

    /// Episodes with both pairs.
    public var pairs = 0
    /// Discharged episodes with at least one PHQ-9 and one GAD-7 score (the pairs denominator).
    public var episodesWithBothScores = 0
    /// Case at baseline on PHQ-9 (>= 10) or GAD-7 (>= 8).
    public var casesAtBaseline = 0
    /// Case at baseline and below both cutoffs at final.
    public var recovered = 0
    /// Reliable improvement on at least one and reliable deterioration on neither.
    public var reliablyImproved = 0
    /// Reliable deterioration on at least one and reliable improvement on neither.
    public var reliablyDeteriorated = 0
    /// Recovered and reliably improved.
    public var reliablyRecovered = 0
    /// False when either instrument had no reliable-change threshold (the rates are then undefined).
    public var hasThresholds = true
    /// Each episode with both pairs, in PHQ-9 pair order.
    public var episodes: [CombinedEpisode] = []
    /// Episodes with both scores but not both pairs, in PHQ-9 score order.
    public var unpairedEpisodeIDs: [String] = []

    /// For each PHQ-9 pair, the position of the same episode's GAD-7 pair (nil: none). Both
    /// outcomes were computed on one series and list their pairs in its entry order
    /// (`SymptomOutcome.pairEntries`), so one walk through both lists matches them.
    static func matching(_ depressionEntries: [Int32], _ anxietyEntries: [Int32]) -> [Int?] {
        var next = 0
        return depressionEntries.map { entry in
            while next < anxietyEntries.count, anxietyEntries[next] < entry { next += 1 }
            return next < anxietyEntries.count && anxietyEntries[next] == entry ? next : nil
        }
    }

    /// Combines the PHQ-9 and GAD-7 outcomes of the same cohort (computed on the same series);
    /// nil when either is missing. Without `keepingEpisodes`, only the counts are kept: `episodes`
    /// and `unpairedEpisodeIDs` stay empty (at 200,000 episodes, growing them was the peak of a
    /// 12-month report), and the outcomes need not keep their episode ids.
    public init?(depression: SymptomOutcome?, anxiety: SymptomOutcome?, keepingEpisodes: Bool = true) {
        guard let depression, let anxiety else { return nil }
        hasThresholds = depression.threshold != nil && anxiety.threshold != nil
        episodesWithBothScores = zip(depression.scoredEntries, anxiety.scoredEntries).reduce(0) {
            $0 + ($1.0 & $1.1).nonzeroBitCount
        }
        let anxietyPairs = Self.matching(depression.pairEntries, anxiety.pairEntries)
        if keepingEpisodes {
            let bothScored = depression.scoredEpisodeIDs.intersection(anxiety.scoredEpisodeIDs)
            let paired = Set(depression.pairs.indices.filter { anxietyPairs[$0] != nil }
                .map { depression.pairs[$0].episodeID })
            unpairedEpisodeIDs = (depression.pairs.map(\.episodeID) + depression.unpairedEpisodeIDs)
                .filter { bothScored.contains($0) && !paired.contains($0) }
            episodes.reserveCapacity(paired.count)
        }
        for (index, pair) in depression.pairs.enumerated() {
            guard let other = anxietyPairs[index] else { continue }
            let otherPair = anxiety.pairs[other]
            pairs += 1
            let d = depression.categories.indices.contains(index) ? depression.categories[index] : .noReliableChange
            let a = anxiety.categories.indices.contains(other) ? anxiety.categories[other] : .noReliableChange
            let improved = (d == .improvement || a == .improvement) && d != .deterioration && a != .deterioration
            let deteriorated = (d == .deterioration || a == .deterioration) && d != .improvement && a != .improvement
            if improved { reliablyImproved += 1 }
            if deteriorated { reliablyDeteriorated += 1 }
            let caseAtBaseline = depression.instrument.isCase(pair.baseline.score)
                || anxiety.instrument.isCase(otherPair.baseline.score)
            let caseAtFinal = depression.instrument.isCase(pair.final.score)
                || anxiety.instrument.isCase(otherPair.final.score)
            if keepingEpisodes {
                episodes.append(CombinedEpisode(depression: pair, anxiety: otherPair, depressionCategory: d,
                                                anxietyCategory: a, improved: improved, deteriorated: deteriorated,
                                                caseAtBaseline: caseAtBaseline, caseAtFinal: caseAtFinal))
            }
            guard caseAtBaseline else { continue }
            casesAtBaseline += 1
            if !caseAtFinal {
                recovered += 1
                if improved { reliablyRecovered += 1 }
            }
        }
    }

    /// Writes `outcomes.combined.*`.
    public func write(to metrics: inout MetricSet) {
        let slot = MetricID.combined
        metrics.set(MetricID.outcome(slot, "pairs"), .rate(pairs, episodesWithBothScores))
        metrics.set(MetricID.outcome(slot, "reliable_improvement_rate"), .rate(reliablyImproved, hasThresholds ? pairs : 0))
        metrics.set(MetricID.outcome(slot, "reliable_deterioration_rate"),
                    .rate(reliablyDeteriorated, hasThresholds ? pairs : 0))
        metrics.set(MetricID.outcome(slot, "recovery_rate"), .rate(recovered, casesAtBaseline))
        metrics.set(MetricID.outcome(slot, "reliable_recovery_rate"),
                    .rate(reliablyRecovered, hasThresholds ? casesAtBaseline : 0))
    }
}

/// One episode's paired PHQ-9 and GAD-7 outcome.
public struct CombinedEpisode: Hashable, Sendable {
    public var depression: OutcomePair
    public var anxiety: OutcomePair
    public var depressionCategory: ReliableChangeCategory
    public var anxietyCategory: ReliableChangeCategory
    /// Reliable improvement on at least one and reliable deterioration on neither.
    public var improved: Bool
    /// Reliable deterioration on at least one and reliable improvement on neither.
    public var deteriorated: Bool
    /// PHQ-9 >= 10 or GAD-7 >= 8 at baseline.
    public var caseAtBaseline: Bool
    /// A case on either at final.
    public var caseAtFinal: Bool

    public var episodeID: String { depression.episodeID }
    /// Case at baseline and below both cutoffs at final.
    public var recovered: Bool { caseAtBaseline && !caseAtFinal }
}
