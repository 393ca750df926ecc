import Foundation
import GRDB
import Testing
import OutcomesCore
@testable import OutcomesStore

@Suite("Loading records: row accounting, duplicates, updates, history")
struct FileLoadTests {
    let key = String(repeating: "a", count: 64)

    func episode(_ id: String, discharge: String? = nil) -> Episode {
        Episode(patientKey: key, episodeID: id, program: "adult-mh", admissionDate: Day(iso: "2026-09-01")!,
                dischargeDate: discharge.flatMap { Day(iso: $0) }, dischargeReason: discharge == nil ? nil : .completed)
    }

    func load(_ db: OutcomesDatabase, sha: String, _ body: (FileLoad) throws -> Void) throws -> LoadSummary {
        try db.loadRun(dryRun: false) { run in
            try run.loadFile(file: "episodes.csv", table: .episodes, sha256: String(repeating: sha, count: 64),
                             parameters: "{}", softwareVersion: "test", loadedAt: "2026-11-22T00:00:00Z", body)
        }
    }

    @Test func newRowsAreLoadedRepeatsAreDuplicatesChangesAreUpdates() throws {
        // Given an empty database
        let db = try OutcomesDatabase.inMemory()
        // When one file holds E1, E2, an identical E1, and E2 again with a discharge
        var dispositions: [RowDisposition] = []
        let summary = try load(db, sha: "1") { load in
            dispositions.append(try load.store(PreparedRecord(episode("E1"))))
            dispositions.append(try load.store(PreparedRecord(episode("E2"))))
            dispositions.append(try load.store(PreparedRecord(episode("E1"))))
            dispositions.append(try load.store(PreparedRecord(episode("E2", discharge: "2026-10-01"))))
        }
        #expect(dispositions == [.loaded, .loaded, .duplicate, .updated])
        // Then read 4 = loaded 2 + updated 1 + duplicates 1 + rejected 0
        #expect(summary.read == 4)
        #expect((summary.loaded, summary.updated, summary.duplicates, summary.rejected) == (2, 1, 1, 0))
        let counts = try db.tableCounts()
        #expect(counts["episode"] == 2)
        #expect(counts["record_history"] == 1)
        #expect(try db.episodes().first { $0.episodeID == "E2" }?.dischargeDate == Day(iso: "2026-10-01"))
        let log = try db.loadLog()
        #expect(log.count == 1)
        #expect(log[0].read == 4 && log[0].updated == 1)
    }

    /// A table's first load starts without its digest (no earlier load can hold its bytes) and
    /// writes it to the load log when its rows are in; a table with loads waits for the digest
    /// first, to skip a file loaded before.
    @Test func theDigestIsWaitedForOnlyWhenTheTableHasLoadsToCompareWith() throws {
        let db = try OutcomesDatabase.inMemory()
        var asked = 0
        func load(_ sha: String, _ body: (FileLoad) throws -> Void = { _ in }) throws -> (LoadSummary, askedFirst: Bool?) {
            var askedFirst: Bool?
            let summary = try db.loadRun(dryRun: false) { run in
                try run.loadFile(file: "episodes-\(sha).csv", table: .episodes,
                                 digest: { asked += 1; return String(repeating: sha, count: 64) },
                                 parameters: "{}", softwareVersion: "test", loadedAt: "2026-11-22T00:00:00Z") { load in
                    askedFirst = asked > 0
                    try body(load)
                }
            }
            return (summary, askedFirst)
        }
        // The first load: its rows go in before the digest is asked, once; the log has the digest.
        let (first, firstAskedFirst) = try load("1") { try $0.store(PreparedRecord(episode("E1"))) }
        #expect(firstAskedFirst == false && asked == 1)
        #expect(first.sha256 == String(repeating: "1", count: 64))
        #expect(try db.loadLog().map(\.sha256) == [String(repeating: "1", count: 64)])
        // A second file: the table has a load now, so the digest is asked once, before its rows.
        asked = 0
        let (second, secondAskedFirst) = try load("2") { try $0.store(PreparedRecord(episode("E2"))) }
        #expect(secondAskedFirst == true && asked == 1 && !second.alreadyLoaded)
        // The first file's bytes again: skipped on its digest, its rows never read.
        let (again, againRead) = try load("1")
        #expect(again.alreadyLoaded && againRead == nil)
        #expect(try db.loadLog().map(\.sha256) == ["1", "2"].map { String(repeating: $0, count: 64) })
    }

    @Test func rejectsAreCountedByReasonAndStored() throws {
        let db = try OutcomesDatabase.inMemory()
        let summary = try load(db, sha: "2") { load in
            try load.store(PreparedRecord(episode("E1")))
            try load.reject(IngestIssue(file: "episodes.csv", row: 3, column: "admission_date", reason: .badDate,
                                        message: "not a date", rawLine: "x,y"))
        }
        #expect(summary.read == 2)
        #expect(summary.rejectsByReason == [.badDate: 1])
        #expect(try db.tableCounts()["rejected_row"] == 1)
        #expect(try db.loadLog()[0].rejectsByReason == [.badDate: 1])
    }

    @Test func anAmbiguousEpisodeAndAFHIRLineOneRejectAreStored() throws {
        // Migration v5: a row keyed by patient whose date two episodes hold, and line 1 of an
        // NDJSON file (no header), are rejects the database keeps (both used to be refused)
        let db = try OutcomesDatabase.inMemory()
        let summary = try load(db, sha: "4") { load in
            try load.reject(IngestIssue(file: "sessions.csv", row: 7, column: "patient_id", reason: .ambiguousEpisode,
                                        message: "two episodes hold 2026-07-20", rawLine: "x"))
            try load.reject(IngestIssue(file: "Observation.ndjson", row: 1, column: "valueQuantity", reason: .badNumber,
                                        message: "not a number", rawLine: "x"))
        }
        #expect(summary.rejectsByReason == [.ambiguousEpisode: 1, .badNumber: 1])
        #expect(try db.tableCounts()["rejected_row"] == 2)
    }

    @Test func theSameFileTwiceIsANoOp() throws {
        let db = try OutcomesDatabase.inMemory()
        _ = try load(db, sha: "3") { try $0.store(PreparedRecord(episode("E1"))) }
        var bodyRan = false
        let again = try load(db, sha: "3") { _ in bodyRan = true }
        #expect(again.alreadyLoaded)
        #expect(!bodyRan)
        #expect(try db.loadLog().count == 1)
    }

    @Test func aFailingLoadLeavesNothingBehind() throws {
        struct Interrupted: Error {}
        let db = try OutcomesDatabase.inMemory()
        #expect(throws: Interrupted.self) {
            _ = try load(db, sha: "4") { load in
                try load.store(PreparedRecord(episode("E1")))
                throw Interrupted()
            }
        }
        let counts = try db.tableCounts()
        #expect(counts["episode"] == 0)
        #expect(counts["load_log"] == 0)
    }

    @Test func aDryRunWritesNothing() throws {
        let db = try OutcomesDatabase.inMemory()
        let spans = try db.loadRun(dryRun: true) { run in
            _ = try run.loadFile(file: "e.csv", table: .episodes, sha256: String(repeating: "5", count: 64),
                                 parameters: "{}", softwareVersion: "t", loadedAt: "t") { try $0.store(PreparedRecord(episode("E9"))) }
            return try run.episodeSpanIndex(byPatient: false)
        }
        #expect(spans.span(ofEpisode: "E9")?.admission == Day(iso: "2026-09-01"))
        #expect(try db.tableCounts()["episode"] == 0)
        #expect(try db.tableCounts()["load_log"] == 0)
    }

    @Test func theSchemaRefusesASessionOfAnUnknownEpisode() throws {
        let db = try OutcomesDatabase.inMemory()
        #expect(throws: StoreError.self) {
            _ = try load(db, sha: "6") { load in
                try load.store(PreparedRecord(Session(episodeID: "NOPE", date: Day(iso: "2026-09-02")!, type: .group,
                                                      status: .attended, scheduledMinutes: 180)))
            }
        }
    }

    @Test func databaseFilesAreOwnerOnly() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("iop-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("program.sqlite").path
        _ = try OutcomesDatabase(path: path)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }
}

@Suite("The page cache of a load")
struct LoadPageCacheTests {
    /// `PRAGMA cache_size` inside the load of one `table` file (negative: KiB); each call's file
    /// has a digest of its own (`digit`), so that none is skipped as loaded before.
    func cacheSize(_ db: OutcomesDatabase, table: CanonicalTable, dryRun: Bool, digit: Character) throws -> Int? {
        var size: Int?
        _ = try db.loadRun(dryRun: dryRun) { run in
            try run.loadFile(file: "\(table.rawValue).csv", table: table, sha256: String(repeating: digit, count: 64),
                             parameters: "{}", softwareVersion: "test", loadedAt: "2026-11-22T00:00:00Z") { load in
                size = try Int.fetchOne(load.db, sql: "PRAGMA cache_size")
            }
        }
        return size
    }

    @Test func eventsAndDryRunsKeep32MegabytesOtherLoads64() throws {
        // 65,536 KiB = 64 MB for the large tables, 32,768 KiB = 32 MB for events and for every
        // table in a dry run; SQLite's default (-2000) again once the run is over.
        let db = try OutcomesDatabase.inMemory()
        #expect(try cacheSize(db, table: .sessions, dryRun: false, digit: "1") == -65_536)
        #expect(try cacheSize(db, table: .events, dryRun: false, digit: "2") == -32_768)
        #expect(try cacheSize(db, table: .sessions, dryRun: true, digit: "3") == -32_768)
        #expect(try cacheSize(db, table: .events, dryRun: true, digit: "4") == -32_768)
        #expect(try cacheSize(db, table: .goals, dryRun: false, digit: "5") == -65_536)
        #expect(try db.writer.read { try Int.fetchOne($0, sql: "PRAGMA cache_size") } == -2000)
    }
}
