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

    @Test("the sessions are shared so that both cores finish together, by the counts of rows")
    func sessionShareBalancesTheCores() {
        // report monthly at 200,000 episodes, all scored, 193,256 with sessions (µs):
        // first 4.6 x 200,000 = 920,000; second 0.7 x 200,000 + 2.8 x 200,000 = 700,000;
        // sessions 3.3 x 193,256 = 637,744.8; (700,000 - 920,000 + 637,744.8) / 1,275,489.6 = 0.3275
        let monthly = DatasetLoader.sessionShare(episodes: 200_000, scoredEpisodes: 200_000, sessionEpisodes: 193_256)
        #expect(abs(monthly - 0.3275) < 0.0001)
        // analyze --by program: 193,256 episodes, 96,220 scored, 38,396 with sessions: the first
        // core's episodes (889,000) outlast the other's reads with every session (135,279 +
        // 269,416 + 126,707): it reads none
        #expect(DatasetLoader.sessionShare(episodes: 193_256, scoredEpisodes: 96_220, sessionEpisodes: 38_396) == 0)
        // Scores of many episodes and sessions of few (3.5 x 1,000 + 2.8 x 10,000 against 4.6 x 1,000):
        // every session on the first core
        #expect(DatasetLoader.sessionShare(episodes: 1_000, scoredEpisodes: 10_000, sessionEpisodes: 100) == 1)
        #expect(DatasetLoader.sessionShare(episodes: 1_000, scoredEpisodes: 1_000, sessionEpisodes: 0) == 0)
        // Three episodes, all scored and with sessions: (0.7 x 3 + 2.8 x 3 - 4.6 x 3 + 3.3 x 3) / (2 x 3.3 x 3)
        // = (10.5 - 13.8 + 9.9) / 19.8 = 1/3
        #expect(abs(DatasetLoader.sessionShare(episodes: 3, scoredEpisodes: 3, sessionEpisodes: 3) - 1.0 / 3) < 0.0001)
    }

    @Test("each episode gets its own sessions, whichever core read them")
    func sessionsJoinInEpisodeOrder() throws {
        // DataWindowTests' three episodes (29, 3 and 3 monthly sessions), all scored: E1 is read
        // by the first core (sessionShare(3, 3, 3) = 1/3: 1 episode), E2 and
        // E3 by the other.
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
