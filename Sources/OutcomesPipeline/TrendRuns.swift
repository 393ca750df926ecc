import OutcomesAnalysis
import OutcomesCore

/// How the months of a trend are read from the store: in runs of consecutive months, each one
/// read, analysed and freed before the next, so that memory holds one run's rows at a time
/// however long the trend and however much history lies behind it.
///
/// A trend month reaches back for its windows (its retention year, its post-discharge and
/// follow-up cohorts), so months read at once hold every row from the oldest month's earliest
/// window to the newest month's end. Read at once on a 1,000,000-episode network with five years
/// of history, `analyze --trend 12` (every family) peaked at 211 MB (155 MB on the
/// 200,000-episode one-year network, whose windows before its first month are empty),
/// `--trend 24` at 326 MB and `--trend 48` at 570 MB.
public enum TrendRuns {
    /// The months whose windows, analysed with every family, bound how far back a run reaches.
    /// Measured with `analyze --trend 12` on those networks: runs of 6 months peaked at 159 MB
    /// (five years) and 133 MB (one year), runs of 4 at 141 and 121 MB; each run reads its own
    /// windows' episodes again, so at 200,000 episodes the twelve months took 1.73 s of wall time
    /// in runs of 6 (1.29 s read at once; whole-process medians of 5 paired runs) and about 1.95 s
    /// in runs of 4. With runs of 6, `--trend 24` and `--trend 48` peaked at 165 and 166 MB on the
    /// five-year network.
    public static let monthsPerRead = 6

    /// `months` (oldest first, consecutive), each analysed for `families(month)`, cut into runs,
    /// oldest run first. From the newest month back, a run takes each older month while the
    /// rows it then reads (`DataWindow.episodes(for:)`) reach back no further than those of the
    /// `monthsPerRead` months ending with its newest month, analysed with every family, would:
    /// so a run of months analysed with every family is `monthsPerRead` long, only the oldest
    /// run can be shorter, and the newest month (a report's or `analyze`'s P) is always in a
    /// full run; months analysed for families with shorter windows (a monthly report's headline
    /// figures look back three months for readmissions, not a year for retention) are read more
    /// at a time within the same bound. A bound in days, not in months, keeps what a run holds
    /// flat in the history behind it.
    public static func runs(_ months: [Period], families: (Period) -> Set<MetricFamily>) -> [[Period]] {
        var runs: [[Period]] = []
        var end = months.count
        while end > 0 {
            let limit = reach(months[end - 1].trailingMonths(monthsPerRead)) { _ in Set(MetricFamily.allCases) }
            var start = end - 1
            while start > 0, reach(months[(start - 1)..<end], families) >= limit { start -= 1 }
            runs.append(Array(months[start..<end]))
            end = start
        }
        return runs.reversed()
    }

    /// The first day whose open episodes the analysis of `months` for `families` reads.
    private static func reach(_ months: some Collection<Period>, _ families: (Period) -> Set<MetricFamily>) -> Day {
        let periods = months.map { AnalysedPeriod($0, families: families($0)) }
        guard let window = DataWindow.episodes(for: periods) else { preconditionFailure("a run has a month") }
        return window.from
    }
}
