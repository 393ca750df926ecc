import OutcomesCore

/// Key outcomes by race, ethnicity, sex, age band and payer, with the gap to the overall figure.
///
/// Attendance is over sessions dated in P, completion over discharges in P. Reliable improvement
/// and recovery are per discharged episode on the depression and anxiety measures only (PHQ-9 and
/// GAD-7, `instruments`): with both pairs, the combined outcome's definitions (improved on at least
/// one and deteriorated on neither; recovered when a case on either at baseline and on neither at
/// final); with one pair, that instrument's own. AUDIT and DAST-10 caseness is never pooled in.
public struct Equity: Sendable {
    public static let dimensions: [CohortDimension] = [.race, .ethnicity, .sex, .ageBand, .payer]
    /// The instruments that define reliable improvement and recovery in the equity table.
    public static let instruments: Set<String> = [CombinedOutcome.depression, CombinedOutcome.anxiety]
    /// What the equity table says of them.
    public static let outcomeRule = "Reliable improvement and recovery use PHQ-9 and GAD-7 only: the combined NHS Talking "
        + "Therapies definitions when an episode has both pairs, else the one it has; other instruments are not used."

    public var overall: EquityFigures
    public var strata: [EquityStratum] = []

    public init(_ context: CohortContext, outcomes: [SymptomOutcome]) {
        let episodeOutcomes = EpisodeOutcome.byEpisode(outcomes)
        let episodes = context.dataset.episodes
        let period = context.period
        // Each episode's figures go straight into the overall sum and its five strata (no list
        // of them: at 200,000 episodes it was 29 MB of qi-review's peak).
        var overall = EquityFigures()
        var groups = [[String: EquityFigures]](repeating: [:], count: Equity.dimensions.count)
        for position in context.members {
            let discharged = episodes.dischargeDate(at: position).map(period.contains) ?? false
            let outcome = discharged ? episodeOutcomes[episodes.episodeID(at: position)] : nil
            let figures = EquityFigures(position: position, context: context, outcome: outcome)
            guard figures != EquityFigures() else { continue }
            overall += figures
            for (index, dimension) in Equity.dimensions.enumerated() {
                groups[index][dimension.value(ofEpisodeAt: position, in: episodes), default: EquityFigures()] += figures
            }
        }
        self.overall = overall
        for (index, dimension) in Equity.dimensions.enumerated() {
            let groups = groups[index]
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
