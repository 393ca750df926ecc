import OutcomesCore

/// Days from admission to the first attended session, for episodes admitted in P
/// (sessions up to the end of P; episodes with none yet are counted, not dropped).
public struct FirstSession: Sendable {
    /// Days to the first attended session, one per episode that had one.
    public var days: [Double] = []
    /// Episodes admitted in P without an attended session by the end of P.
    public var withoutAttendedSession = 0
    /// Each episode admitted in P and the date of its first attended session (nil: none by the end
    /// of P); empty unless the options keep episode facts.
    public var episodes: [EpisodeFacts] = []

    /// One admission in P and its first attended session (nil: none by the end of P).
    public struct EpisodeFacts: Hashable, Sendable {
        public var episodeID: String
        public var admission: Day
        public var firstAttended: Day?
    }

    public init(_ context: CohortContext) {
        let period = context.period
        for position in context.admitted(in: period) {
            let admission = context.dataset.episodes.admissionDate(at: position)
            let sessions = context.dataset.sessionColumns
            let first = context.dataset.sessionRows(ofEpisodeAt: position).first {
                sessions.status($0).isAttended && sessions.date($0) <= period.to
            }
            let firstDay = first.map { sessions.date($0) }
            if context.options.keepsEpisodeFacts {
                episodes.append(EpisodeFacts(episodeID: context.dataset.episodes.episodeID(at: position),
                                         admission: admission, firstAttended: firstDay))
            }
            if let firstDay { days.append(Double(admission.days(to: firstDay))) } else { withoutAttendedSession += 1 }
        }
    }

    public var median: Double? { Descriptive.median(days) }

    public func write(to metrics: inout MetricSet) {
        metrics.set(MetricID.daysToFirstSessionMedian, .statistic(value: median, n: days.count))
        metrics.set(MetricID.firstSessionPending, .count(withoutAttendedSession))
    }
}
