import Testing
import OutcomesAnalysis
import OutcomesCore
@testable import OutcomesPipeline
import OutcomesStore

/// The loader reads sessions on both cores: the first share of the episodes on one, the rest
/// after scores, goals and events on the other, then joins them in episode order.
@Suite("Dataset loader: sessions read on two cores")
struct DatasetLoaderTests {
    @Test("ranges are cut at the share of the episodes they hold")
    func splitAtShare() {
        // 3 + 1 + 4 = 8 episodes; three quarters are 6: 1...3, 7 and 9...10 first, 11...12 later
        let (first, later) = DatasetLoader.split([1...3, 7...7, 9...12], share: 0.75)
        #expect(first == [1...3, 7...7, 9...10])
        #expect(later == [11...12])
        // A share at a range's end cuts nothing inside it: 4 of 8 is 1...3 and 7
        let half = DatasetLoader.split([1...3, 7...7, 9...12], share: 0.5)
        #expect(half.first == [1...3, 7...7])
        #expect(half.later == [9...12])
        #expect(DatasetLoader.split([], share: 0.75) == ([], []))
    }

    @Test("each episode gets its own sessions, whichever core read them")
    func sessionsJoinInEpisodeOrder() throws {
        // DataWindowTests' three episodes (29, 3 and 3 monthly sessions): E1 and E2 are read by
        // the first core (round(3 x 0.7) = 2 episodes), E3 by the other.
        let db = try DataWindowTests.database()
        let history = Period(from: DataWindowTests.day("2024-06-01"), to: DataWindowTests.day("2026-10-31"))
        let dataset = try DatasetLoader.load(db, periods: [AnalysedPeriod(history)], registry: .builtIn)
        var stored: [String: [Day]] = [:]
        try db.forEachSession { stored[$0.episodeID, default: []].append($0.date) }
        for id in ["E1", "E2", "E3"] {
            let position = try #require(dataset.episodes.firstIndex { $0.episodeID == id })
            #expect(dataset.sessions(ofEpisodeAt: position).map(\.date) == stored[id])
        }
        #expect(stored.mapValues(\.count) == ["E1": 29, "E2": 3, "E3": 3])
        #expect(dataset.sessionColumns.count == 35)
    }
}
