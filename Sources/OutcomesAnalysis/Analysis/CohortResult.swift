import OutcomesCore

/// Every metric family of one cohort for P: the `MetricSet` for machine output, and the richer
/// results reports draw from.
public struct CohortResult: Sendable {
    public var key: CohortKey
    public var metrics: MetricSet
    public var census: CensusResult
    public var attendance: SessionAttendance
    public var episodeWeeks: EpisodeWeeks
    public var firstSession: FirstSession
    public var disengagement: Disengagement
    public var dischargeOutcomes: DischargeOutcomes
    public var retention: Retention
    public var fidelity: Fidelity
    /// One per instrument present in the data, alphabetical.
    public var outcomes: [SymptomOutcome]
    public var combined: CombinedOutcome?
    public var goals: GoalAttainment
    public var symptomRelapse: [SymptomRelapse]
    public var stepUp: StepUp
    public var postDischarge30: PostDischarge
    public var postDischarge90: PostDischarge
    public var returnToUse: ReturnToUse
    public var postDischargeDeterioration: [PostDischargeDeterioration]

    /// The outcome on one instrument, if present.
    public func outcome(_ code: String) -> SymptomOutcome? { outcomes.first { $0.instrument.code == code } }

    /// Computes the metric families in `families` (every one by default) for one cohort and
    /// collects their metrics in SPEC order. A family left out is computed over no episodes and
    /// writes no metric: a report's cohorts by program compute only what its charts by program draw.
    public init(key: CohortKey, context: CohortContext, families: Set<MetricFamily> = Set(MetricFamily.allCases)) {
        self.key = key
        let none = CohortContext(dataset: context.dataset, options: context.options, windows: context.windows, members: [])
        let wants = { (family: MetricFamily) in families.contains(family) }
        let of = { (family: MetricFamily) in wants(family) ? context : none }
        let method = context.options.reliableChange
        let keeps = context.options.keepsEpisodeFacts
        census = CensusResult(of(.census))
        attendance = SessionAttendance(of(.attendance))
        episodeWeeks = EpisodeWeeks(wants(.fidelity) ? context : of(.episodeWeeks))
        firstSession = FirstSession(of(.firstSession))
        disengagement = Disengagement(of(.disengagement))
        dischargeOutcomes = DischargeOutcomes(of(.dischargeOutcomes))
        retention = Retention(of(.retention))
        let scored = wants(.fidelity) || wants(.outcomes) || wants(.symptomRelapse) ? context : none
        let series = ScoreSeries(scored, dischargedIn: context.period)
        fidelity = Fidelity(series: series, weeks: episodeWeeks, keepingFacts: keeps)
        let instruments = context.dataset.instrumentCodes.compactMap { context.dataset.registry[$0] }
        let trajectories = keeps || key.isOverall && context.options.keepsOverallTrajectories
        outcomes = instruments.map {
            SymptomOutcome(instrument: $0, series: series, method: method, keepingTrajectories: trajectories,
                           keepingEpisodeIDs: keeps)
        }
        let outcomes = outcomes
        let find = { (code: String) in outcomes.first { $0.instrument.code == code } }
        combined = CombinedOutcome(depression: find(CombinedOutcome.depression), anxiety: find(CombinedOutcome.anxiety),
                                   keepingEpisodes: keeps)
        goals = GoalAttainment(of(.goals))
        symptomRelapse = wants(.symptomRelapse)
            ? outcomes.compactMap { SymptomRelapse(outcome: $0, series: series, keepingFacts: keeps) } : []
        stepUp = StepUp(of(.stepUp))
        postDischarge30 = PostDischarge(of(.postDischarge), windowDays: 30, cohort: context.windows.postDischarge30)
        postDischarge90 = PostDischarge(of(.postDischarge), windowDays: 90, cohort: context.windows.postDischarge90)
        returnToUse = ReturnToUse(of(.returnToUse))
        let followUpSeries = ScoreSeries(of(.postDischargeDeterioration), dischargedIn: context.windows.followUp)
        postDischargeDeterioration = instruments.map {
            PostDischargeDeterioration(outcome: SymptomOutcome(instrument: $0, series: followUpSeries, method: method,
                                                               keepingTrajectories: false, keepingEpisodeIDs: false),
                                       series: followUpSeries, cohort: context.windows.followUp, keepingFacts: keeps)
        }
        metrics = MetricSet()
        writeMetrics(families)
        // The overall cohort keeps its outcomes' pairs (equity reads them); any other cohort keeps
        // their counts.
        if !keeps, !key.isOverall { for index in self.outcomes.indices { self.outcomes[index].forgetEpisodes() } }
    }

    private mutating func writeMetrics(_ families: Set<MetricFamily>) {
        let wants = { (family: MetricFamily) in families.contains(family) }
        if wants(.census) { census.write(to: &metrics) }
        if wants(.attendance) { attendance.write(to: &metrics) }
        if wants(.episodeWeeks) { episodeWeeks.write(to: &metrics) }
        if wants(.firstSession) { firstSession.write(to: &metrics) }
        if wants(.disengagement) { disengagement.write(to: &metrics) }
        if wants(.dischargeOutcomes) { dischargeOutcomes.write(to: &metrics) }
        if wants(.retention) { retention.write(to: &metrics) }
        if wants(.fidelity) { fidelity.write(to: &metrics) }
        if wants(.outcomes) {
            for outcome in outcomes { outcome.write(to: &metrics) }
            combined?.write(to: &metrics)
        }
        if wants(.goals) { goals.write(to: &metrics) }
        if wants(.symptomRelapse) { for relapse in symptomRelapse { relapse.write(to: &metrics) } }
        if wants(.stepUp) { stepUp.write(to: &metrics) }
        if wants(.postDischarge) {
            postDischarge30.write(to: &metrics)
            postDischarge90.write(to: &metrics)
        }
        if wants(.returnToUse) { returnToUse.write(to: &metrics) }
        if wants(.postDischargeDeterioration) { for deterioration in postDischargeDeterioration { deterioration.write(to: &metrics) } }
    }
}
