import OutcomesCore

/// How the months of a trend are read from the store: in runs of consecutive months, each one
/// read, analysed and freed before the next, so that memory holds one run's rows at a time
/// however long the trend and however much history lies behind it.
///
/// A trend month reaches back for its windows (its retention year, its post-discharge and
/// follow-up cohorts), so months read at once hold every row from the oldest month's earliest
/// window to the newest month's end. Read at once on a 1,000,000-episode network with five years
/// of history, `analyze --trend 12` peaked at 211 MB (155 MB on the 200,000-episode one-year
/// network, whose windows before its first month are empty), `--trend 24` at 326 MB and
/// `--trend 48` at 570 MB.
public enum TrendRuns {
    /// The most months one read holds. Measured with `analyze --trend 12` on those networks:
    /// runs of 6 months peaked at 159 MB (five years) and 133 MB (one year), runs of 4 at 141 and
    /// 121 MB; each run reads its own windows' episodes again, so at 200,000 episodes the twelve
    /// months took 1.73 s of wall time in runs of 6 (1.29 s read at once; whole-process medians
    /// of 5 paired runs) and about 1.95 s in runs of 4. With runs of 6, `--trend 24` and
    /// `--trend 48` peaked at 165 and 166 MB on the five-year network.
    public static let monthsPerRead = 6

    /// `months` (oldest first) cut into runs of consecutive months, oldest run first: from the
    /// newest month back, `monthsPerRead` at a time, so that only the oldest run can be shorter
    /// and the newest month (a report's or `analyze`'s P) is always in a full run.
    public static func runs(_ months: [Period]) -> [[Period]] {
        stride(from: months.count, to: 0, by: -monthsPerRead).reversed().map { end in
            Array(months[max(end - monthsPerRead, 0)..<end])
        }
    }
}
