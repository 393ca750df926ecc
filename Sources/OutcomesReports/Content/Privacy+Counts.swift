import OutcomesAnalysis
import OutcomesCore

/// The counts reports print that are no metric, named once for every table and chart that
/// prints them, with the relations a reader knows between them: a table and a chart of the same
/// figures are the same cells of the report's one output.
extension Privacy {
    /// An instrument's severity shift: `cells[baseline][final]`, each baseline band's total
    /// (the baseline bars), each final band's total (the final bars); they sum to the pairs.
    func shiftCounts(_ instrument: String, _ shift: SeverityShift) -> (cells: [[Count]], baseline: [Count], final: [Count]) {
        let bands = shift.bands.indices
        let name = { (what: String) in Count.named("\(instrument) severity \(what)") }
        let cells = bands.map { b in bands.map { f in name("baseline \(shift.bands[b]), final \(shift.bands[f])") } }
        let baseline = bands.map { name("baseline \(shift.bands[$0])") }
        let final = bands.map { name("final \(shift.bands[$0])") }
        for b in bands {
            for f in bands { declare(cells[b][f], shift.counts[b][f]) }
            declare(baseline[b], shift.counts[b].reduce(0, +))
            declare(final[b], shift.counts.reduce(0) { $0 + $1[b] })
            relate(total: baseline[b], parts: cells[b])
            relate(total: final[b], parts: bands.map { cells[$0][b] })
        }
        let pairs = Count.current(MetricID.outcome(instrument, "pairs"), .num)
        relate(total: pairs, parts: baseline)
        relate(total: pairs, parts: final)
        return (cells, baseline, final)
    }

    /// Rated goals at each attainment level (−2 ... +2): they sum to the rated goals, those at
    /// 0 or above to the goals at the expected level or better.
    func goalLevelCounts(_ goals: GoalAttainment) -> [Count] {
        let levels = goals.levelDistribution.map { tally -> Count in
            let count = Count.named("goals at level \(tally.category)")
            declare(count, tally.count)
            return count
        }
        let rate = MetricID.goalsAtOrAboveExpectedRate
        relate(total: .current(rate, .den), parts: levels)
        relate(total: .current(rate, .num), parts: zip(goals.levelDistribution, levels).filter { $0.0.category >= 0 }.map(\.1))
        return levels
    }

    /// One goal domain's rated goals and those at the expected level or better; the domains
    /// sum to the rated goals and to the goals at the expected level or better.
    func goalDomainCounts(_ goals: GoalAttainment) -> [(rated: Count, atOrAbove: Count)] {
        let rate = MetricID.goalsAtOrAboveExpectedRate
        let counts = goals.byDomain.map { domain -> (rated: Count, atOrAbove: Count) in
            let rated = Count.named("goals rated in \(domain.domain)")
            let atOrAbove = Count.named("goals at expected or better in \(domain.domain)")
            declare(rated, domain.goals)
            declare(atOrAbove, domain.atOrAboveExpected)
            relate(total: rated, parts: [atOrAbove])
            return (rated, atOrAbove)
        }
        relate(total: .current(rate, .den), parts: counts.map(\.rated))
        relate(total: .current(rate, .num), parts: counts.map(\.atOrAbove))
        return counts
    }

    /// One session type's attended and not attended sessions; the types sum to the sessions
    /// scheduled and attended of the attendance rate.
    func sessionTypeCounts(_ types: [SessionMix<SessionType>]) -> [(attended: Count, missed: Count)] {
        let counts = types.map { type -> (attended: Count, missed: Count) in
            let name = "\(type.category.rawValue) sessions"
            let (attended, missed, scheduled) = (Count.named("\(name) attended"), Count.named("\(name) not attended"),
                                                 Count.named("\(name) scheduled"))
            declare(attended, type.attended)
            declare(missed, type.scheduled - type.attended)
            declare(scheduled, type.scheduled)
            relate(total: scheduled, parts: [attended, missed])
            return (attended, missed)
        }
        let rate = MetricID.attendanceRate
        relate(total: .current(rate, .den), parts: types.map { .named("\($0.category.rawValue) sessions scheduled") })
        relate(total: .current(rate, .num), parts: counts.map(\.attended))
        return counts
    }

    /// An equity measure's numerator and denominator for one group (nil: all episodes); each
    /// dimension's groups sum to all episodes.
    func equityCounts(_ measure: String, group: (dimension: CohortDimension, value: String)?, _ counts: (num: Int, den: Int))
        -> (num: Count, den: Count) {
        let who = group.map { "\($0.dimension.rawValue) = \($0.value)" } ?? "all episodes"
        let cells = (num: Count.named("equity \(measure) numerator, \(who)"), den: Count.named("equity \(measure) denominator, \(who)"))
        declare(cells.num, counts.num)
        declare(cells.den, counts.den)
        relate(total: cells.den, parts: [cells.num])
        return cells
    }

    /// Records a count relations need (printed or not); printing it later marks it printed.
    func declare(_ count: Count, _ value: Int) {
        if case .named(let name) = count { declare(name, value) }
    }
}
