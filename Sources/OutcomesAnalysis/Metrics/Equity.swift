import OutcomesCore

/// Key outcomes by race, ethnicity, sex, age band and payer, with the gap to the overall figure.
///
/// Attendance is over sessions dated in P, completion over discharges in P. Reliable improvement
/// and recovery are per discharged episode over all its instrument pairs, with the paired logic of
/// the combined outcome: improved on at least one and deteriorated on none; recovered when a case
/// on at least one at baseline and a case on none at final.
public struct Equity: Sendable {
    public static let dimensions: [CohortDimension] = [.race, .ethnicity, .sex, .ageBand, .payer]

    public var overall: EquityFigures
    public var strata: [EquityStratum] = []

    public init(_ context: CohortContext, outcomes: [SymptomOutcome]) {
        let episodeOutcomes = EpisodeOutcome.byEpisode(outcomes)
        let episodes = context.dataset.episodes
        let period = context.period
        var contributing: [(position: Int, figures: EquityFigures)] = []
        for position in context.members {
            let discharged = episodes[position].dischargeDate.map(period.contains) ?? false
            let outcome = discharged ? episodeOutcomes[episodes[position].episodeID] : nil
            let figures = EquityFigures(position: position, context: context, outcome: outcome)
            if figures != EquityFigures() { contributing.append((position, figures)) }
        }
        overall = contributing.reduce(EquityFigures()) { $0 + $1.figures }
        for dimension in Equity.dimensions {
            var groups = [String: EquityFigures]()
            for (position, figures) in contributing {
                groups[dimension.value(of: episodes[position]), default: EquityFigures()] += figures
            }
            for value in groups.keys.sorted() {
                strata.append(EquityStratum(dimension: dimension, value: value, figures: groups[value] ?? EquityFigures(),
                                            overall: overall))
            }
        }
    }
}

/// One stratum's figures and their gaps (stratum - overall; nil when either is undefined).
public struct EquityStratum: Sendable {
    public var dimension: CohortDimension
    public var value: String
    public var figures: EquityFigures
    public var attendanceGap: Double?
    public var completionGap: Double?
    public var reliableImprovementGap: Double?
    public var recoveryGap: Double?

    init(dimension: CohortDimension, value: String, figures: EquityFigures, overall: EquityFigures) {
        self.dimension = dimension
        self.value = value
        self.figures = figures
        let gap = { (a: MetricValue, b: MetricValue) -> Double? in a.value.flatMap { x in b.value.map { x - $0 } } }
        attendanceGap = gap(figures.attendance, overall.attendance)
        completionGap = gap(figures.completion, overall.completion)
        reliableImprovementGap = gap(figures.reliableImprovement, overall.reliableImprovement)
        recoveryGap = gap(figures.recovery, overall.recovery)
    }
}
