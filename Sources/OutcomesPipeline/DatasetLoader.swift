import OutcomesAnalysis
import OutcomesCore
import OutcomesStore

/// Reads what the analysis of a set of periods needs from the store, streaming sessions and
/// assessments into the analysis dataset's compact columns.
public enum DatasetLoader {
    /// Everything the analyses of `periods` can look at: sessions in the window `DataWindow`
    /// derives from them, and every episode, assessment, goal and event.
    public static func load(_ db: OutcomesDatabase, periods: [Period], registry: InstrumentRegistry) throws
        -> AnalysisDataset {
        let episodes = try db.episodes()
        var builder = AnalysisDataset.Builder(episodes: episodes, registry: registry)
        if let window = DataWindow.sessions(for: periods, episodes: episodes) {
            try db.forEachSession(in: window) { builder.append($0) }
        }
        try db.forEachAssessment(includingItems: false) { builder.append($0) }
        for goal in try db.goals() { builder.append(goal) }
        for event in try db.events() { builder.append(event) }
        return builder.build()
    }

    /// The periods `analyze` computes: P, and with a trend of `trendMonths` months each of the
    /// months ending with P.
    public static func analyzedPeriods(_ period: Period, trendMonths: Int?) -> [Period] {
        [period] + (trendMonths.map { period.trailingMonths($0) } ?? [])
    }
}
