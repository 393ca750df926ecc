import Foundation
import Testing
@testable import OutcomesStore

/// Reads made in several transactions see one state of the database, or fail saying a load wrote meanwhile.
@Suite("Consistent reading: a load committing during an analysis's reads")
struct ConsistentReadingTests {
    /// A database file in a fresh folder, removed at the end.
    typealias Folder = DatabaseAccessTests.Folder

    /// Loads an episodes file holding episode `id` (`E` and a digit), as another process's `ingest` would.
    func loadEpisode(_ db: OutcomesDatabase, _ id: String) throws {
        _ = try DatabaseAccessTests().load(db, [id], sha: String(id.suffix(1)))
    }

    @Test("A load that commits between two reads makes them run again; the answer is the second run's")
    func aCommitBetweenReadsRunsThemAgain() throws {
        // Given a database with episode E1, read by one connection and loaded by another
        let folder = try Folder()
        let reader = try OutcomesDatabase(path: folder.db)
        let loader = try OutcomesDatabase(path: folder.db)
        try loadEpisode(loader, "E1")
        // When the reader counts episodes, then the load log, and E2 is loaded between its two reads the first time
        var runs = 0
        let (episodes, loads) = try reader.readingConsistently {
            runs += 1
            let episodes = try reader.episodeCount()
            if runs == 1 { try loadEpisode(loader, "E2") }
            return (episodes, try reader.loadLog().count)
        }
        // Then the first run (1 episode, 2 loads: no state the file was ever in) is thrown away,
        // and the second sees E2 in both reads
        #expect(runs == 2)
        #expect(episodes == 2)
        #expect(loads == 2)
    }

    @Test("Reads with no commit among them run once, even after a commit before they start")
    func readsWithoutACommitRunOnce() throws {
        let folder = try Folder()
        let reader = try OutcomesDatabase(path: folder.db)
        let loader = try OutcomesDatabase(path: folder.db)
        _ = try reader.episodeCount()
        try loadEpisode(loader, "E1")
        var runs = 0
        let episodes = try reader.readingConsistently {
            runs += 1
            return try reader.episodeCount()
        }
        #expect(runs == 1)
        #expect(episodes == 1)
    }

    @Test("Reads that a commit interrupts every time fail after three runs, naming the file")
    func readsInterruptedEveryTimeFail() throws {
        let folder = try Folder()
        let reader = try OutcomesDatabase(path: folder.db)
        let loader = try OutcomesDatabase(path: folder.db)
        var runs = 0
        #expect(throws: DatabaseAccessError.changedWhileReading(database: folder.db)) {
            try reader.readingConsistently {
                runs += 1
                try loadEpisode(loader, "E\(runs)")
            }
        }
        #expect(runs == OutcomesDatabase.consistentReadAttempts)
        #expect(OutcomesDatabase.consistentReadAttempts == 3)
        #expect(DatabaseAccessError.changedWhileReading(database: folder.db).description
                == "\(folder.db): another load wrote to the database while it was read; try again when it has finished")
    }
}
