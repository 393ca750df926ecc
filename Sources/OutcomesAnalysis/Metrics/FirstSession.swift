import OutcomesCore

/// Days from admission to the first attended session, for episodes admitted in P
/// (sessions up to the end of P; episodes with none yet are counted, not dropped).
public struct FirstSession: Sendable {
    /// Days to the first attended session, one per episode that had one.
    public var days: [Double] = []
    /// Episodes admitted in P without an attended session by the end of P.
    public var withoutAttendedSession = 0

    public init(_ context: CohortContext) {
        let period = context.period
        for position in context.admitted(in: period) {
            let admission = context.dataset.episodes[position].admissionDate
            let sessions = context.dataset.sessionColumns
            let first = context.dataset.sessionRows(ofEpisodeAt: position).first {
                sessions.status(Int($0)).isAttended && sessions.date(Int($0)) <= period.to
            }
            if let first { days.append(Double(admission.days(to: sessions.date(Int(first))))) } else { withoutAttendedSession += 1 }
        }
    }

    public var median: Double? { Descriptive.median(days) }

    public func write(to metrics: inout MetricSet) {
        metrics.set(MetricID.daysToFirstSessionMedian, .statistic(value: median, n: days.count))
        metrics.set(MetricID.firstSessionPending, .count(withoutAttendedSession))
    }
}
