import OutcomesCore

/// Disengagement: active episodes at the end of P whose latest 3 or more scheduled sessions
/// (up to the end of P) were all missed (`no_show` or `cancelled_patient`).
public struct Disengagement: Sendable {
    /// Active episodes at the end of P (the denominator).
    public var activeEpisodes = 0
    /// Identifiers of the flagged episodes, in dataset order.
    public var flaggedEpisodeIDs: [String] = []
    /// Each active episode and its run of latest missed sessions, in cohort order; empty unless
    /// the options keep episode facts.
    public var episodes: [EpisodeFacts] = []

    /// One active episode and its run of latest missed sessions.
    public struct EpisodeFacts: Hashable, Sendable {
        public var episodeID: String
        public var missedRun: Int
    }

    /// Missed sessions needed in a row.
    public static let runLength = 3

    public init(_ context: CohortContext) {
        for position in context.activeAtEnd {
            activeEpisodes += 1
            let sessions = context.dataset.sessionColumns
            let rows = context.dataset.sessionRows(ofEpisodeAt: position)
            let run = Disengagement.missedRun(count: rows.count, through: context.period.to) { index in
                let row = rows.lowerBound + index
                return (sessions.date(row), sessions.status(row))
            }
            if context.options.keepsEpisodeFacts {
                episodes.append(EpisodeFacts(episodeID: context.dataset.episodes.episodeID(at: position),
                                             missedRun: run))
            }
            if run >= Disengagement.runLength {
                flaggedEpisodeIDs.append(context.dataset.episodes.episodeID(at: position))
            }
        }
    }

    /// The number of latest scheduled sessions, up to `day`, that were all missed. An attended or
    /// excused session breaks the run; on a day with both, the day breaks it (order within a day is unknown).
    static func missedRun(_ sessions: [Session], through day: Day) -> Int {
        missedRun(count: sessions.count, through: day) { (sessions[$0].date, sessions[$0].status) }
    }

    /// The same over `count` sessions in date order, read through `session(index)`.
    static func missedRun(count: Int, through day: Day, _ session: (Int) -> (Day, SessionStatus)) -> Int {
        var run = 0
        var index = count - 1
        while index >= 0, session(index).0 > day { index -= 1 }
        while index >= 0 {
            let date = session(index).0
            var missed = 0
            var broken = false
            while index >= 0, session(index).0 == date {
                let status = session(index).1
                if status.isMissed { missed += 1 } else if status.isScheduled { broken = true }
                index -= 1
            }
            if broken { break }
            run += missed
        }
        return run
    }

    public func write(to metrics: inout MetricSet) {
        metrics.set(MetricID.disengagedRate, .rate(flaggedEpisodeIDs.count, activeEpisodes))
    }
}
