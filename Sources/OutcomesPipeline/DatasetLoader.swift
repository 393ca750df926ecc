import OutcomesAnalysis
import OutcomesCore
import OutcomesStore

/// Reads what the analysis of a set of periods needs from the store, streaming sessions and
/// assessments as numbers into the analysis dataset's compact columns.
public enum DatasetLoader {
    /// Everything the analyses of `periods` can look at, as `DataWindow` derives it: every
    /// episode and event, and the sessions, assessments and goals of the episodes that matter.
    /// Both cores read: one the sessions of the first `sessionShare` of the episodes and the
    /// events, the other scores, goals and the remaining episodes' sessions.
    public static func load(_ db: OutcomesDatabase, periods: [Period], registry: InstrumentRegistry) throws
        -> AnalysisDataset {
        let (episodes, numbers) = try db.numberedEpisodes()
        var start = AnalysisDataset.Builder(episodes: episodes, registry: registry)
        start.useStoreNumbers(episodes: numbers, staff: try db.staffNames(), instruments: try db.instrumentCodes())
        let span = DataWindow.span(of: periods)
        let sessionEpisodes = numberRanges(DataWindow.sessionEpisodes(for: periods, episodes: episodes), numbers)
        let (firstSessions, laterSessions) = split(sessionEpisodes, share: sessionShare)
        let scoredEpisodes = numberRanges(DataWindow.scoredEpisodes(for: periods, episodes: episodes), numbers)
        let other = try db.concurrentReader()
        let builder = start
        let (withFirstSessions, withRest) = try ParallelJobs.run(
            { () throws -> AnalysisDataset.Builder in
                var filled = builder
                if let span {
                    try db.forEachSessionFacts(ofEpisodes: firstSessions, through: span.to) { filled.append($0) }
                }
                for event in try db.events() { filled.append(event) }
                return filled
            },
            { () throws -> AnalysisDataset.Builder in
                var filled = builder
                try other.forEachAssessmentFacts(ofEpisodes: scoredEpisodes) { filled.append($0) }
                try other.forEachGoalFacts(ofEpisodes: scoredEpisodes) { filled.append($0) }
                if let span {
                    try other.forEachSessionFacts(ofEpisodes: laterSessions, through: span.to) { filled.append($0) }
                }
                return filled
            })
        var dataset = withRest
        dataset.takeSessionsAndEvents(readBefore: withFirstSessions)
        return dataset.build()
    }

    /// The share of the session episodes whose sessions the first core reads. Measured on a
    /// 200,000-episode network (sqlite3 shell, CPU): reading all 6.7 M sessions takes 2.4 s,
    /// the 3.1 M assessments 0.9 s, the goals 0.4 s and the 90,000 events 0.2 s; with the Swift
    /// side about as much again, 70% of the sessions and the events on one core balance the
    /// rest on the other when a report reads every session.
    static let sessionShare = 0.7

    /// `ranges` cut in two at `share` of the episodes they hold (a range is cut inside when it must be).
    static func split(_ ranges: [ClosedRange<Int64>], share: Double)
        -> (first: [ClosedRange<Int64>], later: [ClosedRange<Int64>]) {
        let total = ranges.reduce(Int64(0)) { $0 + Int64($1.count) }
        var remaining = Int64((Double(total) * share).rounded())
        var first: [ClosedRange<Int64>] = []
        var later: [ClosedRange<Int64>] = []
        for range in ranges {
            let size = Int64(range.count)
            if remaining >= size {
                first.append(range)
                remaining -= size
            } else if remaining > 0 {
                first.append(range.lowerBound...(range.lowerBound + remaining - 1))
                later.append((range.lowerBound + remaining)...range.upperBound)
                remaining = 0
            } else {
                later.append(range)
            }
        }
        return (first, later)
    }

    /// The store numbers of the episodes at `positions`, as runs of consecutive numbers (the
    /// store clusters rows by episode number, so each run is one range read).
    static func numberRanges(_ positions: [Int], _ numbers: [Int64]) -> [ClosedRange<Int64>] {
        consecutiveRuns(positions.map { numbers[$0] })
    }

    /// The periods `analyze` computes: P, and with a trend of `trendMonths` months each of the
    /// months ending with P.
    public static func analyzedPeriods(_ period: Period, trendMonths: Int?) -> [Period] {
        [period] + (trendMonths.map { period.trailingMonths($0) } ?? [])
    }
}
