import OutcomesCore

/// An episode's baseline and final score on one instrument.
public struct OutcomePair: Hashable, Sendable {
    public var episodeID: String
    public var baseline: ScorePoint
    public var final: ScorePoint

    /// Final - baseline on the reporting scale, exact (negative is improvement when higher is worse).
    public var change: Score { final.score - baseline.score }

    /// Days either side of admission a baseline may fall.
    public static let baselineWindowDays = 14
    /// Minimum days from baseline to final.
    public static let minimumGapDays = 7
    /// Days after discharge a final score may fall.
    public static let finalGraceDays = 7

    /// True when `day` may hold a baseline: admission - 14 to admission + 14 days.
    public static func isInBaselineWindow(_ day: Day, admission: Day) -> Bool {
        abs(admission.days(to: day)) <= baselineWindowDays
    }

    /// The baseline: the earliest of date-ordered `scores` within the baseline window.
    public static func baseline<Scores: Collection<ScorePoint>>(in scores: Scores, admission: Day) -> ScorePoint? {
        scores.first { isInBaselineWindow($0.day, admission: admission) }
    }

    /// Baseline = earliest score from admission - 14 to admission + 14 days; final = latest score
    /// at least 7 days after the baseline, up to discharge + 7 days. Nil without a valid pair.
    public static func find<Scores: BidirectionalCollection<ScorePoint>>(
        episodeID: String, scores: Scores, admission: Day, discharge: Day
    ) -> OutcomePair? {
        guard let baseline = baseline(in: scores, admission: admission) else { return nil }
        let earliestFinal = baseline.day.adding(days: minimumGapDays)
        let latestFinal = discharge.adding(days: finalGraceDays)
        guard let final = scores.last(where: { $0.day >= earliestFinal && $0.day <= latestFinal }) else { return nil }
        return OutcomePair(episodeID: episodeID, baseline: baseline, final: final)
    }
}
