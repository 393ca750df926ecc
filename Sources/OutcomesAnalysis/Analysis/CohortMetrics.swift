import OutcomesCore

/// Computes only the metric families asked for, straight into a `MetricSet` (used by trends;
/// `CohortResult` computes them all and keeps the detail). Metrics keep the `CohortResult` order.
enum CohortMetrics {
    static func compute(_ context: CohortContext, families: Set<MetricFamily>) -> MetricSet {
        var metrics = MetricSet()
        let wants = { (family: MetricFamily) in families.contains(family) }
        if wants(.census) { CensusResult(context).write(to: &metrics) }
        if wants(.attendance) { SessionAttendance(context).write(to: &metrics) }
        let weeks = wants(.episodeWeeks) || wants(.fidelity) ? EpisodeWeeks(context) : nil
        if wants(.episodeWeeks) { weeks?.write(to: &metrics) }
        if wants(.firstSession) { FirstSession(context).write(to: &metrics) }
        if wants(.disengagement) { Disengagement(context).write(to: &metrics) }
        if wants(.dischargeOutcomes) { DischargeOutcomes(context).write(to: &metrics) }
        if wants(.retention) { Retention(context).write(to: &metrics) }
        let needsScores = wants(.fidelity) || wants(.outcomes) || wants(.symptomRelapse)
        let series = needsScores ? ScoreSeries(context, dischargedIn: context.period) : nil
        if let series, let weeks, wants(.fidelity) { Fidelity(series: series, weeks: weeks).write(to: &metrics) }
        let instruments = context.dataset.instrumentCodes.compactMap { context.dataset.registry[$0] }
        let method = context.options.reliableChange
        let outcomes = series.map { series in instruments.map { SymptomOutcome(instrument: $0, series: series, method: method) } } ?? []
        if wants(.outcomes) {
            for outcome in outcomes { outcome.write(to: &metrics) }
            let find = { (code: String) in outcomes.first { $0.instrument.code == code } }
            CombinedOutcome(depression: find(CombinedOutcome.depression), anxiety: find(CombinedOutcome.anxiety))?
                .write(to: &metrics)
        }
        if wants(.goals) { GoalAttainment(context).write(to: &metrics) }
        if let series, wants(.symptomRelapse) {
            for outcome in outcomes { SymptomRelapse(outcome: outcome, series: series)?.write(to: &metrics) }
        }
        if wants(.stepUp) { StepUp(context).write(to: &metrics) }
        if wants(.postDischarge) {
            PostDischarge(context, windowDays: 30, cohort: context.windows.postDischarge30).write(to: &metrics)
            PostDischarge(context, windowDays: 90, cohort: context.windows.postDischarge90).write(to: &metrics)
        }
        if wants(.returnToUse) { ReturnToUse(context).write(to: &metrics) }
        if wants(.postDischargeDeterioration) {
            let followUp = ScoreSeries(context, dischargedIn: context.windows.followUp)
            for instrument in instruments {
                let outcome = SymptomOutcome(instrument: instrument, series: followUp, method: method)
                PostDischargeDeterioration(outcome: outcome, series: followUp, cohort: context.windows.followUp)
                    .write(to: &metrics)
            }
        }
        return metrics
    }
}
