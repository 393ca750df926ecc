import OutcomesCore

/// Disengagement: active episodes at the end of P whose latest 3 or more scheduled sessions
/// (up to the end of P) were all missed (`no_show` or `cancelled_patient`).
public struct Disengagement: Sendable {
    /// Active episodes at the end of P (the denominator).
    public var activeEpisodes = 0
    /// Identifiers of the flagged episodes, in dataset order.
    public var flaggedEpisodeIDs: [String] = []

    /// Missed sessions needed in a row.
    public static let runLength = 3

    public init(_ context: CohortContext) {
        for position in context.activeAtEnd {
            activeEpisodes += 1
            if Disengagement.missedRun(context.dataset.sessions(ofEpisodeAt: position), through: context.period.to)
                >= Disengagement.runLength {
                flaggedEpisodeIDs.append(context.dataset.episodes[position].episodeID)
            }
        }
    }

    /// The number of latest scheduled sessions, up to `day`, that were all missed. An attended or
    /// excused session breaks the run; on a day with both, the day breaks it (order within a day is unknown).
    public static func missedRun(_ sessions: some Sequence<Session>, through day: Day) -> Int {
        let scheduled = sessions.filter { $0.status.isScheduled && $0.date <= day }
        var run = 0
        var index = scheduled.count - 1
        while index >= 0 {
            let date = scheduled[index].date
            var missed = 0
            var broken = false
            while index >= 0, scheduled[index].date == date {
                if scheduled[index].status.isMissed { missed += 1 } else { broken = true }
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
