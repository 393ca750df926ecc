import Foundation
import Testing
import OutcomesCore
@testable import OutcomesIngest

/// Issue 9.7: errors about whole files name the place, and never echo a huge value.
@Suite("File errors carry their context")
struct FileErrorContextTests {
    @Test("Issue 9.7: a mapping file that is not UTF-8 names the byte offset")
    func mappingNotUTF8NamesTheOffset() throws {
        // Given "tables:\n  sessions:\n" (8 + 12 = 20 bytes), then a Latin-1 "é" (0xE9) at offset 20, line 3
        let bytes = Array("tables:\n  sessions:\n".utf8) + [0xE9] + Array("x: y\n".utf8)
        let path = try TestFiles.write(bytes, suffix: ".yaml")
        #expect(throws: IngestFileError(file: "m.yaml", line: 3, message: "not valid UTF-8 at byte offset 20")) {
            _ = try Mapping.load(path: path, displayName: "m.yaml")
        }
    }

    @Test("Issue 9.7: an instrument file that is not UTF-8 names the byte offset")
    func instrumentFileNotUTF8NamesTheOffset() throws {
        // Given a 0xFF byte at offset 0, line 1
        let path = try TestFiles.write([0xFF] + Array("instruments: []\n".utf8), suffix: ".yaml")
        #expect(throws: IngestFileError(file: "i.yaml", line: 1, message: "not valid UTF-8 at byte offset 0")) {
            _ = try InstrumentFile.load(path: path, displayName: "i.yaml")
        }
    }

    @Test("Issue 9.7: a 50 MB YAML value is not echoed whole in an error (8 MB here: the cut ignores size)")
    func hugeYAMLValueIsCut() throws {
        // Given a mapping whose date format, on line 1, is 8 MB of "x"
        let path = try TestFiles.write("date_format: \(String(repeating: "x", count: 8 << 20))\n", suffix: ".yaml")
        defer { try? FileManager.default.removeItem(atPath: path) }
        // When it loads, Then the error quotes 60 characters and an ellipsis
        do {
            _ = try Mapping.load(path: path, displayName: "m.yaml")
            Issue.record("the mapping loaded")
        } catch let error as IngestFileError {
            #expect(error.line == 1)
            #expect(error.message.hasPrefix("'\(String(repeating: "x", count: 60))…' is not a date format;"))
            #expect(error.message.count < 200)
        }
    }

    @Test("quoted values: at most 60 characters, an ellipsis, control characters replaced", arguments: [
        ("north", "'north'"),
        (String(repeating: "a", count: 60), "'\(String(repeating: "a", count: 60))'"),
        (String(repeating: "a", count: 61), "'\(String(repeating: "a", count: 60))…'"),
        ("a\r\nb\u{0}c", "'a\u{FFFD}b\u{FFFD}c'"),
        ("東京😀", "'東京😀'"),
    ])
    func quotedValues(value: String, quoted: String) {
        #expect(MessageText.quoted(value) == quoted)
    }

    @Test("Issue 9.7: a 9 MB header without quotes is not reported as a quoted field never closed")
    func hugeHeaderWithoutQuotesIsReportedForWhatItIs() throws {
        // Given a header of 9 MiB of "x" (over the reader's 8 MiB limit for one record) and no quote
        let path = try TestFiles.write([UInt8](repeating: 0x78, count: 9 << 20) + Array("\n1\n".utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let message = "the header is longer than 8 MiB, the most the reader keeps of one row, "
            + "and has no line break in that length"
        #expect(throws: IngestFileError(file: "big.csv", line: 1, message: message)) {
            _ = try TableFileReader(path: path, displayName: "big.csv", mapping: nil, forcedTable: nil)
        }
    }

    @Test func aRowRunningPastTheLimitInsideAQuoteSaysSo() throws {
        // Given row 3 opening a quote that closes 9 MiB later
        let csv = Array("episode_id,goal_id\nE1,G1\nE1,\"".utf8) + [UInt8](repeating: 0x78, count: 9 << 20)
            + Array("\"\nE1,G2\n".utf8)
        let path = try TestFiles.write(csv)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let reader = try TableFileReader(path: path, displayName: "g.csv", mapping: nil, forcedTable: nil)
        let validator = RecordValidator(table: .goals, fileName: "g.csv", registry: .builtIn, today: TestFiles.today,
                                        pseudonymizer: Pseudonymizer(key: TestFiles.key), episodes: TestFiles.episodes)
        var issues: [IngestIssue] = []
        try reader.forEachRow(validator: validator) { if case .rejected(let issue) = $0 { issues.append(issue) } }
        #expect(issues.map(\.row) == [3])
        #expect(issues.first?.message == "the row is longer than 8 MiB, the most the reader keeps of one row: "
                + "a quoted field runs on past that limit, so a quote is probably never closed")
    }
}
