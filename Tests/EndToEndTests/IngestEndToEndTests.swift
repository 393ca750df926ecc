import Foundation
import Testing

/// The built executable on `SampleData/`: what a user runs first.
@Suite("ingest, validate and lookup, end to end", .serialized)
struct IngestEndToEndTests {
    let sample = Executable.packageRoot.appendingPathComponent("SampleData").path

    /// One file's JSON summary: its load's counts (read as `summary.loaded`...) and whether the
    /// same bytes were loaded before.
    @dynamicMemberLookup
    struct FileSummary: Decodable {
        var counts: LoadCounts
        var already_loaded: Bool

        private enum Key: String, CodingKey { case already_loaded }

        init(from decoder: any Decoder) throws {
            counts = try LoadCounts(from: decoder)
            already_loaded = try decoder.container(keyedBy: Key.self).decode(Bool.self, forKey: .already_loaded)
        }

        subscript<Value>(dynamicMember path: KeyPath<LoadCounts, Value>) -> Value { counts[keyPath: path] }
    }

    struct Summary: Decodable { var files: [FileSummary] }

    func ingest(_ db: String, _ arguments: [String]) throws -> (Executable.Result, [FileSummary]) {
        let result = try Executable.run(["ingest", "--db", db, "--format", "json", "--today", "2026-11-01"] + arguments)
        let files = (try? JSONDecoder().decode(Summary.self, from: Data(result.stdout.utf8)).files) ?? []
        return (result, files)
    }

    @Test func initCreatesOwnerOnlyDatabaseAndKey() throws {
        let folder = try TemporaryFolder()
        let result = try Executable.run(["init", "--db", folder.path("p.sqlite")])
        #expect(result.status == 0)
        for file in ["p.sqlite", "p.sqlite.key"] {
            let mode = try FileManager.default.attributesOfItem(atPath: folder.path(file))[.posixPermissions] as? Int
            #expect(mode == 0o600, "\(file) must be owner-only")
        }
    }

    @Test func aFileLoadedBeforeItsEpisodesIsNotRecordedAndLoadsAfterThem() throws {
        let folder = try TemporaryFolder()
        let db = folder.path("p.sqlite")
        try Executable.run(["init", "--db", db])
        // Sessions alone: every row names an episode the database lacks.
        let (first, firstFiles) = try ingest(db, ["\(sample)/sessions.csv"])
        #expect(first.status == 0)
        #expect(firstFiles.first.map { $0.counts.read == $0.counts.rejected && $0.counts.loaded == 0 } == true)
        #expect(first.stdout.contains("\"not_recorded\": true"))
        #expect(first.stderr.contains("so its load is not recorded; load the episodes first, then this file again"))
        // Then episodes and the same sessions file: it loads, not "already loaded".
        let (second, files) = try ingest(db, ["\(sample)/sessions.csv", "\(sample)/episodes.csv"])
        #expect(second.status == 0 && second.stderr.isEmpty)
        #expect(files.map(\.already_loaded) == [false, false])
        #expect(files.allSatisfy { $0.counts.loaded == $0.counts.read && $0.counts.read > 0 })
        #expect(try DatabaseInvariants.violations(at: db) == [])
    }

    @Test func theSampleProgramLoadsCleanlyInDependencyOrderAndReloadsAsANoOp() throws {
        let folder = try TemporaryFolder()
        let db = folder.path("p.sqlite")
        try Executable.run(["init", "--db", db])
        // Given the files in reverse dependency order on the command line
        let files = ["events", "goals", "assessments", "sessions", "episodes"].map { "\(sample)/\($0).csv" }
        let (first, summaries) = try ingest(db, files)
        #expect(first.status == 0, "\(first.stderr)")
        // Then episodes load first and nothing is rejected
        #expect(summaries.map(\.table) == ["episodes", "sessions", "assessments", "goals", "events"])
        for file in summaries {
            #expect(file.rejected == 0, "\(file.file): \(file.rejects_by_reason)")
            #expect(file.read == file.loaded + file.updated + file.duplicates + file.rejected)
            #expect(file.read > 0)
        }
        // When the same files load again, nothing changes and the summary says so
        let (second, again) = try ingest(db, files)
        #expect(second.status == 0)
        #expect(again.allSatisfy { $0.already_loaded })
        #expect(again.allSatisfy { $0.read == 0 })
    }

    @Test func theEHRExportLoadsThroughItsMappingLikeTheCanonicalFiles() throws {
        let folder = try TemporaryFolder()
        let (canonicalDB, ehrDB) = (folder.path("c.sqlite"), folder.path("e.sqlite"))
        try Executable.run(["init", "--db", canonicalDB])
        try Executable.run(["init", "--db", ehrDB])
        let (_, canonical) = try ingest(canonicalDB, [sample])
        let (result, ehr) = try ingest(ehrDB, ["--mapping", "\(sample)/ehr-export/mapping.yaml", "\(sample)/ehr-export"])
        #expect(result.status == 0, "\(result.stderr)")
        // Several files feed sessions and assessments (appointments, flowsheet, feed); a flowsheet
        // line counts as loaded with its assessment, so assessments are compared in RoundTripEndToEndTests.
        #expect(ehr.map(\.table) == ["episodes"] + Array(repeating: "sessions", count: 4)
                + Array(repeating: "assessments", count: 3) + ["goals", "events"])
        for table in ["episodes", "sessions", "goals", "events"] {
            let loaded = { (files: [FileSummary]) in files.filter { $0.table == table }.map(\.loaded).reduce(0, +) }
            #expect(loaded(ehr) == loaded(canonical), "\(table)")
        }
        #expect(ehr.allSatisfy { $0.rejected == 0 } == true)
    }

    @Test func pseudonymsAreStableForOneKeyAndDifferAcrossKeys() throws {
        let folder = try TemporaryFolder()
        for db in ["a.sqlite", "b.sqlite"] { try Executable.run(["init", "--db", folder.path(db)]) }
        let first = try Executable.run(["lookup", "--db", folder.path("a.sqlite"), "MRN000001"]).stdout
        let again = try Executable.run(["lookup", "--db", folder.path("a.sqlite"), "MRN000001"]).stdout
        let other = try Executable.run(["lookup", "--db", folder.path("b.sqlite"), "MRN000001"]).stdout
        #expect(first == again)
        #expect(first != other)
        #expect(first.trimmingCharacters(in: .whitespacesAndNewlines).count == 64)
        #expect(!first.contains("MRN"))
    }

    @Test func usageErrorsExitWith2AndUnreadableFilesWith1() throws {
        let folder = try TemporaryFolder()
        let db = folder.path("p.sqlite")
        try Executable.run(["init", "--db", db])
        #expect(try Executable.run(["ingest", "--db", db, "--today", "yesterday", sample]).status == 2)
        #expect(try Executable.run(["ingest", "--db", db, "--format", "xml", sample]).status == 2)
        let missing = try Executable.run(["ingest", "--db", db, folder.path("nope.csv")])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("nope.csv"))
    }
}
