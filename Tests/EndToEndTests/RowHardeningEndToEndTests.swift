import Foundation
import Testing

/// Issue 9, items 2 and 4, through the built executable.
@Suite("control characters and the rejects file, end to end", .serialized)
struct RowHardeningEndToEndTests {
    typealias FileSummary = IngestEndToEndTests.FileSummary

    static let episodesHeader = "patient_id,episode_id,program,site,admission_date\n"
    static let sessionsHeader = "episode_id,session_date,session_type,status,scheduled_minutes,staff_id\n"

    /// Writes `files` into a new folder, ingests it into a new database and returns the summaries.
    func ingest(_ files: [String: String], rejects: Bool = false)
        throws -> (TemporaryFolder, Executable.Result, [FileSummary]) {
        let folder = try TemporaryFolder()
        let input = folder.url.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: input.appendingPathComponent(name)) }
        let db = folder.path("p.sqlite")
        try Executable.run(["init", "--db", db])
        let extra = rejects ? ["--rejects", folder.path("rejects.csv")] : []
        let result = try Executable.run(
            ["ingest", "--db", db, "--format", "json", "--today", "2026-11-01"] + extra + [input.path])
        let summary = try? JSONDecoder().decode(IngestEndToEndTests.Summary.self, from: Data(result.stdout.utf8))
        let summaries = summary?.files ?? []
        return (folder, result, summaries)
    }

    @Test("Issue 9.2: episode id E1\\0X is malformed_row, and the next file's sessions still load")
    func nulInAnEpisodeID() throws {
        // Given episodes E1 and "E1<NUL>X", and one session of each
        let (_, result, files) = try ingest([
            "episodes.csv": Self.episodesHeader
                + "P1,E1,adult-mh,north,2026-09-01\nP2,E1\0X,adult-mh,north,2026-09-01\n",
            "sessions.csv": Self.sessionsHeader
                + "E1,2026-09-02,group,attended,180,\nE1\0X,2026-09-02,group,attended,180,\n",
        ])
        // Then both files load (exit 0): each reads 2 = loaded 1 + rejected 1 (malformed_row)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(files.map(\.table) == ["episodes", "sessions"])
        for file in files {
            let counts = [file.read, file.loaded, file.updated, file.duplicates, file.rejected]
            #expect(counts == [2, 1, 0, 0, 1] as [Int], "\(file.file)")
            #expect(file.rejects_by_reason == ["malformed_row": 1])
        }
        #expect(!result.stderr.contains("refused"))
    }

    @Test("Issue 9.2: site nor\\0th repeated byte for byte is malformed_row twice, not an update")
    func nulInASiteRepeated() throws {
        // Given E1 whose site holds a NUL, twice, and E2 (a clean row) twice
        let row = "P1,E1,adult-mh,nor\0th,2026-09-01\n"
        let clean = "P2,E2,adult-mh,north,2026-09-01\n"
        let (folder, result, files) = try ingest(["episodes.csv": Self.episodesHeader + row + row + clean + clean],
                                                 rejects: true)
        // Then read 4 = loaded 1 + duplicates 1 + rejected 2, with no update
        #expect(result.status == 0, "\(result.stderr)")
        let file = try #require(files.first)
        #expect([file.read, file.loaded, file.updated, file.duplicates, file.rejected] == [4, 1, 0, 1, 2] as [Int])
        #expect(file.rejects_by_reason == ["malformed_row": 2])
        // And the rejects file names the column, without quoting the value in the message
        let rejects = Self.records(try String(contentsOfFile: folder.path("rejects.csv"), encoding: .utf8))
        #expect(rejects.dropFirst().map { Array($0[1...3]) }
                == [["2", "site", "malformed_row"], ["3", "site", "malformed_row"]])
        #expect(rejects.dropFirst().allSatisfy { $0[4].contains("U+0000") && !$0[4].contains("nor") })
    }

    /// The records of an RFC 4180 text: fields split at commas outside quotes, records at
    /// line breaks outside quotes, doubled quotes unescaped.
    static func records(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var fields: [String] = []
        var field = ""
        var quoted = false
        var scalars = Array(text.unicodeScalars)[...]
        while let scalar = scalars.popFirst() {
            if quoted {
                if scalar == "\"" {
                    if scalars.first == "\"" {
                        field.unicodeScalars.append(scalars.removeFirst())
                    } else {
                        quoted = false
                    }
                } else {
                    field.unicodeScalars.append(scalar)
                }
            } else if scalar == "\"" {
                quoted = true
            } else if scalar == "," {
                fields.append(field)
                field = ""
            } else if scalar == "\n" || scalar == "\r" {
                if scalar == "\r", scalars.first == "\n" { scalars.removeFirst() }
                records.append(fields + [field])
                (fields, field) = ([], "")
            } else {
                field.unicodeScalars.append(scalar)
            }
        }
        if !field.isEmpty || !fields.isEmpty { records.append(fields + [field]) }
        return records
    }

    @Test("Issue 9.4: a field holding CR LF is quoted in the rejects file, which parses back to one record per reject")
    func rejectsFileQuotesCRLF() throws {
        // Given a sessions file whose name holds CR LF (the rejects file's `file` field: no comma, no
        // quote, so only the line break calls for quotes), with 3 sessions of an unknown episode,
        // one whose quoted staff_id holds CR LF and one a lone LF
        let sessions = Self.sessionsHeader
            + "E9,2026-09-02,group,attended,180,T1\r\n"
            + "E9,2026-09-03,group,attended,180,\"T2\r\nnight\"\r\n"
            + "E9,2026-09-04,group,attended,180,\"T3\nday\"\r\n"
        let (folder, result, files) = try ingest(["sessions\r\nOctober.csv": sessions], rejects: true)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(files.first?.rejects_by_reason == ["unknown_episode": 3])
        // Then the rejects file is 1 header + 3 records of 6 fields, and the fields come back whole
        let records = Self.records(try String(contentsOfFile: folder.path("rejects.csv"), encoding: .utf8))
        #expect(records.count == 4)
        #expect(records.allSatisfy { $0.count == 6 })
        #expect(records.dropFirst().allSatisfy { $0[0].hasSuffix("/sessions\r\nOctober.csv") })
        #expect(records.dropFirst().map { $0[5] } == [
            "E9,2026-09-02,group,attended,180,T1",
            "E9,2026-09-03,group,attended,180,\"T2\r\nnight\"",
            "E9,2026-09-04,group,attended,180,\"T3\nday\"",
        ])
    }
}
