import Testing
import OutcomesCore
@testable import OutcomesIngest

/// Issue 9.2: one rule for control characters, applied in the CSV layer for every table.
@Suite("Control characters in values")
struct ControlCharacterTests {
    static let episodesHeader = "patient_id,episode_id,program,site,admission_date\n"

    @Test("Issue 9.2: a NUL in a field is malformed_row at its column, and the value is not quoted")
    func nulIsMalformedAtItsColumn() throws {
        // Given episode id "E1<NUL>X" on row 2
        let issue = try #require(try TestFiles.issue(Self.episodesHeader + "P1,E1\0X,adult-mh,north,2026-10-01\n"))
        // Then the row is malformed_row at episode_id, naming U+0000 but never the value
        #expect(issue.reason == .malformedRow)
        #expect(issue.column == "episode_id")
        #expect(issue.row == 2)
        #expect(issue.message.contains("U+0000"))
        #expect(!issue.message.contains("E1"))
    }

    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let site: String
        let refused: Bool
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "NUL inside", site: "nor\0th", refused: true),
        Case(name: "NUL at the end (values are trimmed of spaces, not of NUL)", site: "north\0", refused: true),
        Case(name: "U+001F unit separator", site: "nor\u{1F}th", refused: true),
        Case(name: "escape", site: "\u{1B}[31mnorth", refused: true),
        Case(name: "NUL inside quotes", site: "\"nor\0th\"", refused: true),
        Case(name: "tab inside", site: "nor\tth", refused: false),
        Case(name: "line feed inside quotes", site: "\"nor\nth\"", refused: false),
        Case(name: "CR LF inside quotes", site: "\"nor\r\nth\"", refused: false),
        Case(name: "lone CR inside quotes", site: "\"nor\rth\"", refused: false),
        Case(name: "DEL is not a C0 control", site: "nor\u{7F}th", refused: false),
    ]

    @Test(arguments: cases)
    func oneRuleForEveryControlCharacter(_ test: Case) throws {
        let results = try TestFiles.ingest(Self.episodesHeader + "P1,E1,adult-mh,\(test.site),2026-10-01\n").results
        #expect(results.count == 1)
        guard case .rejected(let issue) = results[0] else {
            #expect(!test.refused, "the row should be malformed_row")
            return
        }
        #expect(test.refused, "\(issue)")
        #expect(issue.reason == .malformedRow && issue.column == "site")
    }

    @Test func aControlCharacterInAColumnTheTableIgnoresStillRejectsTheRow() throws {
        // Given a fifth field "notes" that the episodes table does not read, holding U+0001
        let issue = try #require(try TestFiles.issue(
            "patient_id,episode_id,program,admission_date,notes\nP1,E1,adult-mh,2026-10-01,a\u{1}b\n"))
        #expect(issue.reason == .malformedRow)
        #expect(issue.column == nil)
        #expect(issue.message.hasPrefix("field 5: "))
    }

    @Test func malformedRowComesBeforeInvalidUTF8() throws {
        // Given row 2 with an invalid byte in patient_id and a NUL in site
        let bytes = Array("patient_id,episode_id,program,site,admission_date\nP".utf8) + [0xFF]
            + Array(",E1,adult-mh,n\0,2026-10-01\n".utf8)
        let path = try TestFiles.write(bytes)
        let reader = try TableFileReader(path: path, displayName: "e.csv", mapping: nil, forcedTable: nil)
        let validator = RecordValidator(
            table: .episodes, fileName: "e.csv", registry: .builtIn, today: TestFiles.today,
            pseudonymizer: Pseudonymizer(key: TestFiles.key), episodes: TestFiles.episodes)
        var issues: [IngestIssue] = []
        try reader.forEachRow(validator: validator) { if case .rejected(let issue) = $0 { issues.append(issue) } }
        #expect(issues.map(\.reason) == [.malformedRow])
        #expect(issues.first?.column == "site")
    }

    @Test func aHeaderHoldingAControlCharacterIsAFileError() throws {
        let path = try TestFiles.write("patient_id,episode_id\0,program,admission_date\nP1,E1,adult-mh,2026-10-01\n")
        let message = "header field 2: " + ControlCharacters.problem(0)
        #expect(throws: IngestFileError(file: "e.csv", line: 1, message: message)) {
            _ = try TableFileReader(path: path, displayName: "e.csv", mapping: nil, forcedTable: nil)
        }
    }

    @Test func aMappingCannotTranslateAValueIntoAControlCharacter() throws {
        // Given a mapping whose value for site "N" is "nor<NUL>th" (a YAML escape), on line 5
        let yaml = """
            tables:
              episodes:
                values:
                  site:
                    "N": "nor\\0th"
            """
        let path = try TestFiles.write(yaml, suffix: ".yaml")
        #expect(throws: IngestFileError(file: "m.yaml", line: 5, message: ControlCharacters.problem(0))) {
            _ = try Mapping.load(path: path, displayName: "m.yaml")
        }
    }
}
