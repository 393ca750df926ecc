import Foundation
import Testing
@testable import OutcomesStore

/// Reads made in several transactions see one state of the database, or fail saying a load wrote meanwhile.
@Suite("Consistent reading: a load committing during an analysis's reads")
struct ConsistentReadingTests {
    /// A database file in a fresh folder, removed at the end.
    typealias Folder = DatabaseAccessTests.Folder

    /// One database file in a fresh folder, open on two connections: one reads, the other loads
    /// as another process would. The folder lives as long as this value.
    struct TwoConnections {
        let folder: Folder
        let reader: OutcomesDatabase
        let loader: OutcomesDatabase

        init() throws {
            folder = try Folder()
            reader = try OutcomesDatabase(path: folder.db)
            loader = try OutcomesDatabase(path: folder.db)
        }
    }

    /// Loads an episodes file holding episode `id` (`E` and a digit), as another process's `ingest` would.
    func loadEpisode(_ db: OutcomesDatabase, _ id: String) throws {
        _ = try DatabaseAccessTests().load(db, [id], sha: String(id.suffix(1)))
    }

    @Test("A load that commits between two reads makes them run again; the answer is the second run's")
    func aCommitBetweenReadsRunsThemAgain() throws {
        // Given a database with episode E1, read by one connection and loaded by another
        let files = try TwoConnections()
        try loadEpisode(files.loader, "E1")
        // When the reader counts episodes, then the load log, and E2 is loaded between its two reads the first time
        var runs = 0
        let (episodes, loads) = try files.reader.readingConsistently {
            runs += 1
            let episodes = try files.reader.episodeCount()
            if runs == 1 { try loadEpisode(files.loader, "E2") }
            return (episodes, try files.reader.loadLog().count)
        }
        // Then the first run (1 episode, 2 loads: no state the file was ever in) is thrown away,
        // and the second sees E2 in both reads
        #expect(runs == 2)
        #expect(episodes == 2)
        #expect(loads == 2)
    }

    @Test("Reads with no commit among them run once, even after a commit before they start")
    func readsWithoutACommitRunOnce() throws {
        let files = try TwoConnections()
        _ = try files.reader.episodeCount()
        try loadEpisode(files.loader, "E1")
        var runs = 0
        let episodes = try files.reader.readingConsistently {
            runs += 1
            return try files.reader.episodeCount()
        }
        #expect(runs == 1)
        #expect(episodes == 1)
    }

    @Test("Reads that a commit interrupts every time fail after three runs, naming the file")
    func readsInterruptedEveryTimeFail() throws {
        let files = try TwoConnections()
        var runs = 0
        #expect(throws: DatabaseAccessError.changedWhileReading(database: files.folder.db)) {
            try files.reader.readingConsistently {
                runs += 1
                try loadEpisode(files.loader, "E\(runs)")
            }
        }
        #expect(runs == OutcomesDatabase.consistentReadAttempts)
        #expect(OutcomesDatabase.consistentReadAttempts == 3)
        #expect(DatabaseAccessError.changedWhileReading(database: files.folder.db).description
                == "\(files.folder.db): another load wrote to the database while it was read; "
                + "try again when it has finished")
    }
}
