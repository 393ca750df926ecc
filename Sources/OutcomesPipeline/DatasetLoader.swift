import OutcomesAnalysis
import OutcomesCore
import OutcomesStore

/// Reads what the analysis of a set of periods needs from the store, streaming sessions and
/// assessments as numbers into the analysis dataset's compact columns.
public enum DatasetLoader {
    /// Everything the analyses of `periods` can look at, as `DataWindow` derives it: every
    /// episode and event, and the sessions, assessments and goals of the episodes that matter.
    /// Sessions are read on one core while scores, goals and events are read on the other.
    public static func load(_ db: OutcomesDatabase, periods: [Period], registry: InstrumentRegistry) throws
        -> AnalysisDataset {
        let (episodes, numbers) = try db.numberedEpisodes()
        var start = AnalysisDataset.Builder(episodes: episodes, registry: registry)
        start.useStoreNumbers(episodes: numbers, staff: try db.staffNames(), instruments: try db.instrumentCodes())
        let span = DataWindow.span(of: periods)
        let sessionEpisodes = numberRanges(DataWindow.sessionEpisodes(for: periods, episodes: episodes), numbers)
        let scoredEpisodes = numberRanges(DataWindow.scoredEpisodes(for: periods, episodes: episodes), numbers)
        let other = try db.concurrentReader()
        let builder = start
        let (withSessions, withScores) = try ParallelJobs.run(
            { () throws -> AnalysisDataset.Builder in
                var filled = builder
                if let span {
                    try db.forEachSessionFacts(ofEpisodes: sessionEpisodes, through: span.to) { filled.append($0) }
                }
                return filled
            },
            { () throws -> AnalysisDataset.Builder in
                var filled = builder
                try other.forEachAssessmentFacts(ofEpisodes: scoredEpisodes) { filled.append($0) }
                try other.forEachGoal(ofEpisodes: scoredEpisodes) { filled.append($0) }
                for event in try other.events() { filled.append(event) }
                return filled
            })
        var dataset = withScores
        dataset.takeSessions(from: withSessions)
        return dataset.build()
    }

    /// The store numbers of the episodes at `positions`, as runs of consecutive numbers (the
    /// store clusters rows by episode number, so each run is one range read).
    static func numberRanges(_ positions: [Int], _ numbers: [Int64]) -> [ClosedRange<Int64>] {
        var ranges: [ClosedRange<Int64>] = []
        for number in positions.map({ numbers[$0] }).sorted() {
            if let last = ranges.last, last.upperBound + 1 == number {
                ranges[ranges.count - 1] = last.lowerBound...number
            } else {
                ranges.append(number...number)
            }
        }
        return ranges
    }

    /// The periods `analyze` computes: P, and with a trend of `trendMonths` months each of the
    /// months ending with P.
    public static func analyzedPeriods(_ period: Period, trendMonths: Int?) -> [Period] {
        [period] + (trendMonths.map { period.trailingMonths($0) } ?? [])
    }
}
