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

    /// Computes every family for one cohort and collects the metric set in SPEC order.
    public init(key: CohortKey, context: CohortContext) {
        self.key = key
        let method = context.options.reliableChange
        census = CensusResult(context)
        attendance = SessionAttendance(context)
        episodeWeeks = EpisodeWeeks(context)
        firstSession = FirstSession(context)
        disengagement = Disengagement(context)
        dischargeOutcomes = DischargeOutcomes(context)
        retention = Retention(context)
        let series = ScoreSeries(context, dischargedIn: context.period)
        fidelity = Fidelity(series: series, weeks: episodeWeeks)
        let instruments = context.dataset.instrumentCodes.compactMap { context.dataset.registry[$0] }
        outcomes = instruments.map { SymptomOutcome(instrument: $0, series: series, method: method) }
        let outcomes = outcomes
        let find = { (code: String) in outcomes.first { $0.instrument.code == code } }
        combined = CombinedOutcome(depression: find(CombinedOutcome.depression), anxiety: find(CombinedOutcome.anxiety))
        goals = GoalAttainment(context)
        symptomRelapse = outcomes.compactMap { SymptomRelapse(outcome: $0, series: series) }
        stepUp = StepUp(context)
        postDischarge30 = PostDischarge(context, windowDays: 30, cohort: context.windows.postDischarge30)
        postDischarge90 = PostDischarge(context, windowDays: 90, cohort: context.windows.postDischarge90)
        returnToUse = ReturnToUse(context)
        let followUpSeries = ScoreSeries(context, dischargedIn: context.windows.followUp)
        postDischargeDeterioration = instruments.map {
            PostDischargeDeterioration(outcome: SymptomOutcome(instrument: $0, series: followUpSeries, method: method),
                                       series: followUpSeries, cohort: context.windows.followUp)
        }
        metrics = MetricSet()
        writeMetrics()
        if !context.options.keepsEpisodeFacts { forgetEpisodeFacts() }
    }

    /// Drops every family's per-episode facts (the metrics and the richer results stay).
    private mutating func forgetEpisodeFacts() {
        census.episodes = []
        attendance.episodes = []
        episodeWeeks.episodes = []
        firstSession.episodes = []
        disengagement.episodes = []
        dischargeOutcomes.episodes = []
        retention.episodes = []
        fidelity.episodes = []
        combined?.episodes = []
        for index in symptomRelapse.indices { symptomRelapse[index].episodes = [] }
        stepUp.episodes = []
        postDischarge30.episodes = []
        postDischarge90.episodes = []
        returnToUse.episodes = []
        for index in postDischargeDeterioration.indices { postDischargeDeterioration[index].episodes = [] }
    }

    private mutating func writeMetrics() {
        census.write(to: &metrics)
        attendance.write(to: &metrics)
        episodeWeeks.write(to: &metrics)
        firstSession.write(to: &metrics)
        disengagement.write(to: &metrics)
        dischargeOutcomes.write(to: &metrics)
        retention.write(to: &metrics)
        fidelity.write(to: &metrics)
        for outcome in outcomes { outcome.write(to: &metrics) }
        combined?.write(to: &metrics)
        goals.write(to: &metrics)
        for relapse in symptomRelapse { relapse.write(to: &metrics) }
        stepUp.write(to: &metrics)
        postDischarge30.write(to: &metrics)
        postDischarge90.write(to: &metrics)
        returnToUse.write(to: &metrics)
        for deterioration in postDischargeDeterioration { deterioration.write(to: &metrics) }
    }
}
