import Foundation
import Testing

/// `SampleData/dirty/`: rows breaking each rule of SPEC section 3, with hand-counted expectations.
@Suite("dirty data: every reject reason, counted", .serialized)
struct DirtyDataTests {
    let dirty = Executable.packageRoot.appendingPathComponent("SampleData/dirty")

    /// Rows of a small CSV file with a header (the expectation files hold no quoted commas).
    func rows(_ name: String) throws -> [[String: String]] {
        let lines = try String(contentsOf: dirty.appendingPathComponent(name), encoding: .utf8)
            .split(whereSeparator: \.isNewline).map(String.init)
        let header = lines[0].split(separator: ",").map(String.init)
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init))) }
    }

    func fileName(_ path: String) -> String { URL(fileURLWithPath: path).lastPathComponent }

    @Test func rejectsByReasonAndRowAccountingMatchTheHandCountedFiles() throws {
        let folder = try TemporaryFolder()
        let db = folder.path("p.sqlite")
        try Executable.run(["init", "--db", db])
        let result = try Executable.run(["ingest", "--db", db, "--format", "json", "--today", "2026-11-01",
                                         "--rejects", folder.path("rejects.csv"), dirty.path])
        #expect(result.status == 0, "\(result.stderr)")
        let summaries = try JSONDecoder().decode(IngestEndToEndTests.Summary.self, from: Data(result.stdout.utf8)).files

        var actual: [String: Int] = [:]
        for file in summaries {
            for (reason, count) in file.rejects_by_reason { actual["\(fileName(file.file)) \(reason)"] = count }
        }
        var expected: [String: Int] = [:]
        for row in try rows("expected/rejects.csv") { expected["\(row["file"]!) \(row["reason"]!)"] = Int(row["count"]!) }
        #expect(actual == expected)

        for row in try rows("expected/accounting.csv") {
            let file = try #require(summaries.first { fileName($0.file) == row["file"] }, "no summary for \(row["file"]!)")
            #expect([file.read, file.loaded, file.updated, file.duplicates, file.rejected]
                    == ["read", "loaded", "updated", "duplicates", "rejected"].map { Int(row[$0]!)! }, "\(file.file)")
        }
        // Every reject reason of SPEC section 3 is exercised.
        let reasons = Set(actual.keys.map { String($0.split(separator: " ")[1]) })
        #expect(reasons == ["malformed_row", "invalid_utf8", "missing_field", "bad_date", "future_date",
                            "discharge_before_admission", "unknown_code", "bad_number", "out_of_range", "total_mismatch",
                            "too_many_missing_items", "unknown_episode", "outside_episode"])
        // The rejects file holds one line per rejected row, plus its header.
        let rejectLines = try String(contentsOfFile: folder.path("rejects.csv"), encoding: .utf8)
        #expect(rejectLines.hasPrefix("file,row,column,reason,message,raw_line\n"))
    }

    @Test("Issue 9.9: validate --db leaves the file's bytes, its -wal/-shm presence and its mode as they were")
    func validateWritesNothing() throws {
        // Given a loaded database, closed (no -wal or -shm beside it), its mode widened to 0640
        let folder = try TemporaryFolder()
        let db = folder.path("p.sqlite")
        try Executable.run(["init", "--db", db])
        let sample = Executable.packageRoot.appendingPathComponent("SampleData/episodes.csv").path
        #expect(try Executable.run(["ingest", "--db", db, "--today", "2026-11-01", sample]).status == 0)
        #expect(chmod(db, 0o640) == 0)
        func files() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted() }
        func mode() throws -> Int? { try FileManager.default.attributesOfItem(atPath: db)[.posixPermissions] as? Int }
        let before = try Data(contentsOf: URL(fileURLWithPath: db))
        #expect(try files() == ["p.sqlite", "p.sqlite.key"])
        // When validate compares the dirty files with it
        let result = try Executable.run(["validate", "--db", db, "--today", "2026-11-01", dirty.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Dry run"))
        // Then the bytes, the files beside it and the mode are untouched
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == before)
        #expect(try files() == ["p.sqlite", "p.sqlite.key"])
        #expect(try mode() == 0o640)
        let ingest = try Executable.run(["ingest", "--db", db, "--format", "json", "--today", "2026-11-01", dirty.path])
        #expect(!ingest.stdout.contains("\"already_loaded\": true"), "validate must not have logged a load")
    }

    @Test func strictLoadsNothingWhenAnyRowWouldBeRejected() throws {
        let folder = try TemporaryFolder()
        let db = folder.path("p.sqlite")
        try Executable.run(["init", "--db", db])
        let strict = try Executable.run(["ingest", "--db", db, "--strict", "--today", "2026-11-01", dirty.path])
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("nothing was loaded"))
        let reload = try Executable.run(["ingest", "--db", db, "--format", "json", "--today", "2026-11-01", dirty.path])
        let summaries = try JSONDecoder().decode(IngestEndToEndTests.Summary.self, from: Data(reload.stdout.utf8)).files
        #expect(summaries.allSatisfy { !$0.already_loaded })
        #expect(summaries.contains { $0.loaded > 0 })
    }
}
