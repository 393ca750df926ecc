import OutcomesCore

/// Validates rows of `goals` (grain: one row per treatment-plan goal of an episode).
struct GoalRowValidator: TableRowValidator {
    let context: ValidationContext
    let episode, patient, goal, domain, weight, baseline, attained, ratedOn: ColumnRef

    init(layout: ColumnLayout, context: ValidationContext) {
        self.context = context
        (episode, goal, domain) = (layout.column("episode_id"), layout.column("goal_id"), layout.column("domain"))
        (weight, baseline) = (layout.column("weight"), layout.column("baseline_level"))
        (attained, ratedOn) = (layout.column("attained_level"), layout.column("rated_on"))
        patient = layout.column("patient_id")
    }

    func validate(_ row: RowFields) throws(RowReject) -> CanonicalRecord {
        let key = try context.episodeKey(row, episode: episode, patient: patient)
        let goalID = try row.required(goal)
        let goalDomain = row.text(domain)
        var goalWeight = 1.0
        if let text = row.text(weight) {
            guard let value = Double(text), value.isFinite else {
                throw RowReject(weight.name, .badNumber, "the value is not a number")
            }
            guard value > 0, value <= 1000 else { throw RowReject(weight.name, .outOfRange, "a weight must be positive (at most 1000); got \(text)") }
            goalWeight = value
        }
        let baselineLevel = try row.int(baseline, required: false, range: -2...(-1)) ?? -1
        let attainedLevel = try row.int(attained, required: false, range: -2...2)
        let rated = try row.date(ratedOn, required: false)
        let (episodeID, _) = try context.resolve(key, on: rated, table: .goals, dateColumn: ratedOn.name)
        return .goal(Goal(
            episodeID: episodeID, goalID: goalID, domain: goalDomain, weight: goalWeight, baselineLevel: baselineLevel,
            attainedLevel: attainedLevel, ratedOn: rated))
    }
}
