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
        self.init(key: key, context: context, families: families,
                  scores: ScoreFamilies(key: key, context: context, families: families),
                  services: ServiceFamilies(context: context, families: families))
    }

    /// One cohort's result from its two halves, each computed for the same `key`, `context` and
    /// `families` (`Analysis.overallHalves` computes the overall cohort's on two cores).
    public init(key: CohortKey, context: CohortContext, families: Set<MetricFamily>, scores: ScoreFamilies,
                services: ServiceFamilies) {
        self.key = key
        census = services.census
        attendance = services.attendance
        episodeWeeks = services.episodeWeeks
        firstSession = services.firstSession
        disengagement = services.disengagement
        dischargeOutcomes = services.dischargeOutcomes
        retention = services.retention
        let keeps = context.options.keepsEpisodeFacts
        fidelity = Fidelity(series: scores.series, weeks: services.episodeWeeks, keepingFacts: keeps)
        outcomes = scores.outcomes
        combined = scores.combined
        goals = services.goals
        symptomRelapse = scores.symptomRelapse
        stepUp = services.stepUp
        postDischarge30 = services.postDischarge30
        postDischarge90 = services.postDischarge90
        returnToUse = services.returnToUse
        postDischargeDeterioration = services.postDischargeDeterioration
        metrics = MetricSet()
        writeMetrics(families)
        // The overall cohort keeps its outcomes' pairs (equity reads them); any other cohort keeps
        // their counts.
        if !keeps, !key.isOverall { for index in self.outcomes.indices { self.outcomes[index].forgetEpisodes() } }
    }

    /// The families a cohort computes from its score series (P's discharges): each instrument's
    /// outcome, the combined outcome and symptom relapse; the series too, for fidelity. Half of
    /// the overall cohort's time.
    public struct ScoreFamilies: Sendable {
        let series: ScoreSeries
        let outcomes: [SymptomOutcome]
        let combined: CombinedOutcome?
        let symptomRelapse: [SymptomRelapse]

        /// The score families of the cohort `key` in `context`, those in `families` over its members.
        public init(key: CohortKey, context: CohortContext, families: Set<MetricFamily>) {
            let wants = { (family: MetricFamily) in families.contains(family) }
            let keeps = context.options.keepsEpisodeFacts
            let scored = wants(.fidelity) || wants(.outcomes) || wants(.symptomRelapse)
                ? context : context.withoutMembers
            series = ScoreSeries(scored, dischargedIn: context.period)
            let trajectories = keeps || key.isOverall && context.options.keepsOverallTrajectories
            let series = series
            let outcomes = context.dataset.instruments.map {
                SymptomOutcome(instrument: $0, series: series, method: context.options.reliableChange,
                               keepingTrajectories: trajectories, keepingEpisodeIDs: keeps)
            }
            self.outcomes = outcomes
            let find = { (code: String) in outcomes.first { $0.instrument.code == code } }
            combined = CombinedOutcome(depression: find(CombinedOutcome.depression),
                                       anxiety: find(CombinedOutcome.anxiety), keepingEpisodes: keeps)
            symptomRelapse = wants(.symptomRelapse)
                ? outcomes.compactMap { SymptomRelapse(outcome: $0, series: series, keepingFacts: keeps) } : []
        }
    }

    /// The families a cohort computes from its sessions, goals, events and follow-up scores:
    /// everything but `ScoreFamilies` and fidelity (made from both).
    public struct ServiceFamilies: Sendable {
        let census: CensusResult
        let attendance: SessionAttendance
        let episodeWeeks: EpisodeWeeks
        let firstSession: FirstSession
        let disengagement: Disengagement
        let dischargeOutcomes: DischargeOutcomes
        let retention: Retention
        let goals: GoalAttainment
        let stepUp: StepUp
        let postDischarge30: PostDischarge
        let postDischarge90: PostDischarge
        let returnToUse: ReturnToUse
        let postDischargeDeterioration: [PostDischargeDeterioration]

        /// The service families of the cohort in `context`, those in `families` over its members.
        public init(context: CohortContext, families: Set<MetricFamily>) {
            let wants = { (family: MetricFamily) in families.contains(family) }
            let of = { (family: MetricFamily) in wants(family) ? context : context.withoutMembers }
            let keeps = context.options.keepsEpisodeFacts
            census = CensusResult(of(.census))
            attendance = SessionAttendance(of(.attendance))
            episodeWeeks = EpisodeWeeks(wants(.fidelity) ? context : of(.episodeWeeks))
            firstSession = FirstSession(of(.firstSession))
            disengagement = Disengagement(of(.disengagement))
            dischargeOutcomes = DischargeOutcomes(of(.dischargeOutcomes))
            retention = Retention(of(.retention))
            goals = GoalAttainment(of(.goals))
            stepUp = StepUp(of(.stepUp))
            postDischarge30 = PostDischarge(of(.postDischarge), windowDays: 30, cohort: context.windows.postDischarge30)
            postDischarge90 = PostDischarge(of(.postDischarge), windowDays: 90, cohort: context.windows.postDischarge90)
            returnToUse = ReturnToUse(of(.returnToUse))
            let followUpSeries = ScoreSeries(of(.postDischargeDeterioration), dischargedIn: context.windows.followUp)
            postDischargeDeterioration = context.dataset.instruments.map {
                PostDischargeDeterioration(instrument: $0, series: followUpSeries,
                                           method: context.options.reliableChange,
                                           cohort: context.windows.followUp, keepingFacts: keeps)
            }
        }
    }

    /// Takes the post-discharge deterioration of `other`, the same cohort analysed for that
    /// family alone from a read of its follow-up cohort (a report whose P is a year reads it
    /// apart), and writes its metrics of `families` again, in SPEC order.
    public mutating func takeDeterioration(from other: CohortResult, families: Set<MetricFamily>) {
        postDischargeDeterioration = other.postDischargeDeterioration
        metrics = MetricSet()
        writeMetrics(families)
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
