import OutcomesAnalysis
import OutcomesCore
import OutcomesStore

/// Reads what the analysis of a set of periods needs from the store, streaming sessions and
/// assessments as numbers into the analysis dataset's compact columns.
public enum DatasetLoader {
    /// Everything the analyses of `periods` can look at, as `DataWindow` derives it from the
    /// episodes' spans: the episodes open in its window, the events dated from their earliest
    /// admission, and the sessions, assessments and goals of the episodes that matter, so that
    /// nothing read grows with the history before the earliest window (no period: nothing).
    ///
    /// Both cores read: one the episodes (the longest single read), then the events (after which
    /// the index of patient keys is freed) and the sessions of the first `sessionShare(...)` of the
    /// session episodes; the other, meanwhile, the episodes' spans, the scores, the goals and the
    /// remaining sessions, placed once the episodes are in. (Read by the other core, the events'
    /// 64-character keys were freed in that thread's malloc arena and kept 12 MB of a 12-month
    /// report's peak resident memory.)
    ///
    /// Its reads, in several transactions on two connections, see one state of the database
    /// (`OutcomesDatabase.readingConsistently`): a load that commits meanwhile makes them start again.
    public static func load(_ db: OutcomesDatabase, periods: [AnalysedPeriod], registry: InstrumentRegistry) throws
        -> AnalysisDataset {
        try db.readingConsistently { try read(db, periods: periods, registry: registry) }
    }

    /// `load`'s reads, once, for a caller that checks their consistency itself (a report's
    /// inputs, read with its load log). Each core works out the rows it reads (`RowWindows`) from
    /// the episodes' spans as it reads them: the episodes' core from the episodes themselves, the
    /// other from their spans alone, read meanwhile (0.12 s at 200,000 episodes, which both cores
    /// used to wait for before either started).
    static func read(_ db: OutcomesDatabase, periods: [AnalysedPeriod], registry: InstrumentRegistry) throws
        -> AnalysisDataset {
        guard let open = DataWindow.episodes(for: periods), let span = DataWindow.span(of: periods) else {
            return AnalysisDataset(episodes: [], registry: registry)
        }
        let (staff, instruments) = (try db.staffNames(), try db.instrumentCodes())
        let other = try db.concurrentReader()
        let (withEpisodes, unplaced) = try ParallelJobs.run(
            { () throws -> AnalysisDataset.Builder in
                var filled = AnalysisDataset.Builder(episodeCapacity: 0, registry: registry)
                var numbers: [Int64] = []
                var spans: [EpisodeSpan] = []
                try db.forEachEpisodeRow(open: open) { row in
                    filled.append(row)
                    numbers.append(row.number)
                    spans.append(EpisodeSpan(admission: row.admissionDate, discharge: row.dischargeDate))
                }
                filled.useStoreNumbers(episodes: numbers, staff: staff, instruments: instruments)
                let rows = RowWindows(periods: periods, numbers: numbers, spans: spans)
                if let events = rows.events { try db.forEachEvent(in: events) { filled.append($0) } }
                filled.closePatients()
                try db.forEachSessionFacts(ofEpisodes: rows.firstSessions, through: span.to) { filled.append($0) }
                return filled
            },
            { () throws -> AnalysisDataset.Builder in
                let (numbers, spans) = try other.episodeSpansByNumber(open: open)
                let rows = RowWindows(periods: periods, numbers: numbers, spans: spans)
                var filled = AnalysisDataset.Builder(unplacedRowsWith: registry, staff: staff, instruments: instruments)
                try other.forEachAssessmentFacts(ofEpisodes: rows.scoredEpisodes) { filled.append($0) }
                filled.putScoresOnReportingScales()
                try other.forEachGoalFacts(ofEpisodes: rows.goalEpisodes) { filled.append($0) }
                try other.forEachSessionFacts(ofEpisodes: rows.laterSessions, through: span.to) { filled.append($0) }
                return filled
            })
        var dataset = withEpisodes
        dataset.take(unplaced: unplaced)
        return (consume dataset).build()
    }

    /// The rows the analysis of some periods reads besides the episodes, as `DataWindow` derives
    /// them from the spans of the episodes open in its window: the same whatever order the
    /// episodes come in (by id on one core, by store number on the other).
    struct RowWindows {
        /// The days of the events read.
        let events: Period?
        /// The store's episode numbers whose sessions each core reads (`sessionShare(...)`).
        let firstSessions: [ClosedRange<Int64>]
        let laterSessions: [ClosedRange<Int64>]
        /// The store's episode numbers whose assessments are read, and those whose goals are.
        let scoredEpisodes: [ClosedRange<Int64>]
        let goalEpisodes: [ClosedRange<Int64>]

        /// The windows for `periods`, from the episodes' store `numbers` and `spans` (in one order).
        init(periods: [AnalysedPeriod], numbers: [Int64], spans: [EpisodeSpan]) {
            events = DataWindow.events(for: periods, spans: spans)
            let sessionEpisodes = DataWindow.sessionEpisodes(for: periods, spans: spans)
            let scored = DataWindow.scoredEpisodes(for: periods, spans: spans)
            let share = sessionShare(episodes: spans.count, scoredEpisodes: scored.count,
                                     sessionEpisodes: sessionEpisodes.count)
            (firstSessions, laterSessions) = split(consecutiveRuns(sessionEpisodes.map { numbers[$0] }), share: share)
            scoredEpisodes = consecutiveRuns(scored.map { numbers[$0] })
            goalEpisodes = consecutiveRuns(DataWindow.goalEpisodes(for: periods, spans: spans).map { numbers[$0] })
        }
    }

    /// The share of the session episodes whose sessions the core that reads the episodes reads
    /// too, so that both cores finish together: each core's other reads, and the sessions, costed
    /// per row from counts both cores know alike (so they cut the sessions at the same place).
    ///
    /// The costs per row are medians of timelines of `report monthly`, `report qi-review`,
    /// `analyze --trend 12` and `analyze --by program` on the 200,000-episode network, both
    /// cores reading at once: the episodes and their events 4.6 µs an episode on the first core;
    /// on the other, the spans 0.7 µs an episode and the scores and goals 2.8 µs a scored
    /// episode; the sessions 3.3 µs a session episode on either. A fixed tenth left the second
    /// core reading sessions alone for 0.35 to 0.4 s of `report monthly`'s load.
    static func sessionShare(episodes: Int, scoredEpisodes: Int, sessionEpisodes: Int) -> Double {
        guard sessionEpisodes > 0 else { return 0 }
        let first = 4.6 * Double(episodes)
        let second = 0.7 * Double(episodes) + 2.8 * Double(scoredEpisodes)
        let sessions = 3.3 * Double(sessionEpisodes)
        return min(max((second - first + sessions) / (2 * sessions), 0), 1)
    }

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
}
