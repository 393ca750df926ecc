import OutcomesCore

/// An episode's baseline and final score on one instrument.
public struct OutcomePair: Hashable, Sendable {
    public var episodeID: String
    public var baseline: ScorePoint
    public var final: ScorePoint

    /// Final - baseline on the reporting scale (negative is improvement when higher is worse).
    public var change: Double { final.score - baseline.score }

    /// Days either side of admission a baseline may fall.
    public static let baselineWindowDays = 14
    /// Minimum days from baseline to final.
    public static let minimumGapDays = 7
    /// Days after discharge a final score may fall.
    public static let finalGraceDays = 7

    /// Baseline = earliest score from admission - 14 to admission + 14 days; final = latest score
    /// at least 7 days after the baseline, up to discharge + 7 days. Nil without a valid pair.
    public static func find(episodeID: String, scores: [ScorePoint], admission: Day, discharge: Day) -> OutcomePair? {
        let window = admission.adding(days: -baselineWindowDays)...admission.adding(days: baselineWindowDays)
        guard let baseline = scores.first(where: { window.contains($0.day) }) else { return nil }
        let earliestFinal = baseline.day.adding(days: minimumGapDays)
        let latestFinal = discharge.adding(days: finalGraceDays)
        guard let final = scores.last(where: { $0.day >= earliestFinal && $0.day <= latestFinal }) else { return nil }
        return OutcomePair(episodeID: episodeID, baseline: baseline, final: final)
    }
}
