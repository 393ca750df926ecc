import OutcomesAnalysis
import OutcomesCore
import OutcomesStore

/// Reads what an analysis needs from the store, streaming sessions and assessments into the
/// analysis dataset's compact columns.
enum DatasetLoader {
    /// Everything analyses of `period`, with trends over `trendMonths` months, can look at:
    /// every episode, goal and event; sessions from a year before the first trend month to the
    /// end of the period (an episode's disengagement run and first session reach back before P);
    /// every assessment.
    static func load(_ db: OutcomesDatabase, period: Period, trendMonths: Int, registry: InstrumentRegistry) throws -> AnalysisDataset {
        let first = period.trailingMonths(max(trendMonths, 1))[0].from
        let sessionWindow = Period(from: first.adding(days: -366), to: period.to)
        var builder = AnalysisDataset.Builder(episodes: try db.episodes(), registry: registry)
        try db.forEachSession(in: sessionWindow) { builder.append($0) }
        try db.forEachAssessment(includingItems: false) { builder.append($0) }
        for goal in try db.goals() { builder.append(goal) }
        for event in try db.events() { builder.append(event) }
        return builder.build()
    }
}
