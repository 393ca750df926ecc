import Foundation
import Testing
import OutcomesCore
@testable import OutcomesIngest
import OutcomesTestSupport

@Suite("Mapping files")
struct MappingTests {
    static let yaml = """
        date_format: MM/dd/yyyy
        tables:
          sessions:
            columns:
              "Appt Date": session_date
              "Encounter ID": session_id
              "Enc #": episode_id
              "Visit Type": session_type
              "Appt Status": status
              "Sched Min": scheduled_minutes
            values:
              status: {"No Show": no_show, "Attended": attended, "Pt Cancel": cancelled_patient}
              session_type: {"Group Therapy": group}
          episodes:
            date_formats:
              admission_date: d.M.yyyy
        """

    static func mapping() throws -> Mapping {
        try Mapping.load(path: try TestFiles.write(yaml, suffix: ".yaml"), displayName: "mapping.yaml")
    }

    @Test func loadsTheSchema() throws {
        let mapping = try Self.mapping()
        #expect(mapping.dateFormat?.description == "MM/dd/yyyy")
        #expect(mapping.tables[.sessions]?.columns["Appt Date"] == "session_date")
        #expect(mapping.tables[.sessions]?.values["status"]?["No Show"] == "no_show")
        #expect(mapping.dateFormat(table: .episodes, column: "admission_date").description == "d.M.yyyy")
        #expect(mapping.dateFormat(table: .episodes, column: "discharge_date").description == "MM/dd/yyyy")
        #expect(Mapping().dateFormat(table: .events, column: "event_date") == .iso)
    }

    @Test func renamesTranslatesAndReadsUSDates() throws {
        // Given an EHR export with its own names, vocabulary, US dates and an extra column
        let csv = "Encounter ID,Enc #,Appt Date,Visit Type,Appt Status,Sched Min,Room\n"
            + "S-1,E1,09/02/2026,Group Therapy,No Show,180,12B\n"
            + "S-2,E1,09/03/2026,group,Attended,180,12B\n"
        // When it is read with the mapping
        let (table, results) = try TestFiles.ingest(csv, mapping: try Self.mapping())
        // Then it is a sessions file and both rows load with canonical values
        #expect(table == .sessions)
        #expect(results == [
            .record(row: 2, .session(Session(sessionID: "S-1", episodeID: "E1", date: Day(year: 2026, month: 9, day: 2)!,
                                             type: .group, status: .noShow, scheduledMinutes: 180))),
            .record(row: 3, .session(Session(sessionID: "S-2", episodeID: "E1", date: Day(year: 2026, month: 9, day: 3)!,
                                             type: .group, status: .attended, scheduledMinutes: 180))),
        ])
    }

    @Test func untranslatedValueIsUnknownCodeAndIsoDateIsBadDate() throws {
        let csv = "Encounter ID,Enc #,Appt Date,Visit Type,Appt Status,Sched Min\n"
            + "S-1,E1,09/02/2026,group,Late Arrival,180\nS-2,E1,2026-09-02,group,Attended,180\n"
        let issues = try TestFiles.ingest(csv, mapping: try Self.mapping()).results.compactMap { result -> IngestIssue? in
            if case .rejected(let issue) = result { return issue } else { return nil }
        }
        #expect(issues.map(\.reason) == [.unknownCode, .badDate])
        #expect(issues.map(\.column) == ["status", "session_date"])
        #expect(issues[1].message.contains("MM/dd/yyyy"))
    }

    struct BadMapping: Sendable, CustomTestStringConvertible {
        let yaml: String
        let line: Int
        let fragment: String
        var testDescription: String { fragment }
    }

    @Test(arguments: [
        BadMapping(yaml: "tables:\n  sessions:\n    colums:\n      a: status\n", line: 3, fragment: "unknown key 'colums'"),
        BadMapping(yaml: "date_format: MM/dd/yyyy\ntables:\n  visits:\n    columns: {}\n", line: 3, fragment: "unknown table 'visits'"),
        BadMapping(yaml: "tables:\n  sessions:\n    columns:\n      \"Appt Date\": visit_date\n", line: 4, fragment: "unknown column 'visit_date'"),
        BadMapping(yaml: "tables:\n  sessions:\n    values:\n      status:\n        \"No Show\": noshow\n", line: 5, fragment: "'noshow' is not a code of status"),
        BadMapping(yaml: "date_format: DD/MM/YY\n", line: 1, fragment: "'DD/MM/YY' is not a date format"),
        BadMapping(yaml: "tables:\n  goals:\n    date_formats:\n      goal_id: MM/dd/yyyy\n", line: 4, fragment: "'goal_id' is not a date column"),
        BadMapping(yaml: "tables:\n  sessions: [1, 2\n", line: 3, fragment: "not valid YAML"),
        BadMapping(yaml: "format: x\n", line: 1, fragment: "unknown key 'format'"),
    ])
    func errorsNameFileAndLine(_ bad: BadMapping) throws {
        let path = try TestFiles.write(bad.yaml, suffix: ".yaml")
        do {
            _ = try Mapping.load(path: path, displayName: "mapping.yaml")
            Issue.record("expected an error")
        } catch let error as IngestFileError {
            #expect(error.file == "mapping.yaml")
            #expect(error.line == bad.line)
            #expect(error.description.hasPrefix("mapping.yaml:\(bad.line): "))
            #expect(error.message.contains(bad.fragment), "\(error.message)")
        }
    }

    @Test func valueTranslatedToBlankIsBlank() throws {
        let path = try TestFiles.write(
            "tables:\n  sessions:\n    values:\n      attended_minutes: {\"N/A\": \"\"}\n      session_date: {\"N/A\": \"\"}\n",
            suffix: ".yaml")
        let mapping = try Mapping.load(path: path)
        let header = "episode_id,session_date,session_type,status,scheduled_minutes,attended_minutes\n"
        let record = try TestFiles.record(header + "E1,2026-09-02,group,no_show,60,N/A\n", mapping: mapping)
        guard case .session(let session) = record else { Issue.record("expected a session"); return }
        #expect(session.attendedMinutes == nil)
        let issue = try #require(try TestFiles.issue(header + "E1,N/A,group,no_show,60,\n", mapping: mapping))
        #expect(issue.reason == .missingField)
        #expect(issue.column == "session_date")
    }

    @Test func itemColumnsAreCanonicalForAssessments() throws {
        let path = try TestFiles.write("tables:\n  assessments:\n    columns:\n      Q1: item_1\n      Score: total\n", suffix: ".yaml")
        let mapping = try Mapping.load(path: path)
        let record = try TestFiles.record("episode_id,assessed_on,instrument,Q1,Score\nE2,2026-10-02,GAD-7,,6\n", mapping: mapping)
        guard case .assessment(let assessment) = record else { Issue.record("expected an assessment"); return }
        #expect(assessment.score == 6)
    }
}

@Suite("Date formats")
struct DateFormatTests {
    @Test(arguments: [
        ("yyyy-MM-dd", "2026-10-03", "2026-10-03"),
        ("MM/dd/yyyy", "10/03/2026", "2026-10-03"),
        ("M/d/yyyy", "1/5/2026", "2026-01-05"),
        ("M/d/yyyy", "12/25/2026", "2026-12-25"),
        ("dd.MM.yyyy", "29.02.2024", "2024-02-29"),
        ("yyyyMMdd", "20261003", "2026-10-03"),
    ])
    func parses(pattern: String, text: String, iso: String) throws {
        let format = try #require(DateFormat(pattern))
        #expect(format.parse(text)?.description == iso)
    }

    @Test(arguments: [
        ("MM/dd/yyyy", "3/5/2026"),     // MM and dd need two digits
        ("MM/dd/yyyy", "02/30/2026"),   // no such day
        ("dd.MM.yyyy", "29.02.2026"),   // 2026 is not a leap year
        ("yyyy-MM-dd", "2026-10-03T00:00"),
        ("yyyy-MM-dd", "2026/10/03"),
        ("M/d/yyyy", "123/5/2026"),
    ])
    func rejects(pattern: String, text: String) throws {
        let format = try #require(DateFormat(pattern))
        #expect(format.parse(text) == nil)
    }

    /// `yyyy-MM-dd` is read by position (`DateScanner.isoDate`); it must read exactly what its
    /// tokens read one by one: the same date, or none, and the same bytes taken. 20,000 seeded
    /// texts: valid dates, and dates with a byte changed, dropped or added.
    @Test func isoDatesReadByPositionAsByTokens() throws {
        var random = SplitMix64(seed: 20_261_204)
        let alphabet = Array("0123456789-/T +".utf8)
        for _ in 0..<20_000 {
            var bytes = Array(String(format: "%04d-%02d-%02d", Int.random(in: 1890...2100, using: &random),
                                     Int.random(in: 0...13, using: &random), Int.random(in: 0...32, using: &random)).utf8)
            switch Int.random(in: 0..<4, using: &random) {
            case 0: bytes[Int.random(in: 0..<bytes.count, using: &random)] = alphabet.randomElement(using: &random)!
            case 1: bytes.remove(at: Int.random(in: 0..<bytes.count, using: &random))
            case 2: bytes.insert(alphabet.randomElement(using: &random)!, at: Int.random(in: 0...bytes.count, using: &random))
            default: break
            }
            var byPosition = DateScanner(bytes: bytes, index: 0, end: bytes.count)
            var byTokens = DateScanner(bytes: bytes, index: 0, end: bytes.count)
            let read = (byPosition.isoDate(), byTokens.read(DateFormat.isoDateTokens))
            #expect(read.0 == read.1, "\(String(decoding: bytes, as: UTF8.self))")
            if read.0 != nil { #expect(byPosition.index == byTokens.index) }
        }
        #expect(DateFormat.iso.isISODate && DateFormat("yyyy-MM-dd")?.isISODate == true)
        #expect(DateFormat("yyyy/MM/dd")?.isISODate == false)
    }

    @Test(arguments: ["yy-MM-dd", "yyyy-MM", "yyyy-MM-dd hh:mm", "MM/MM/yyyy", "DD/MM/yyyy", "yyyy-MM-dd 'T"])
    func invalidPatterns(_ pattern: String) {
        #expect(DateFormat(pattern) == nil)
    }
}

@Suite("Documented mapping example")
struct MappingExampleTests {
    @Test func loads() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Docs/mapping-example.yaml").path
        let mapping = try Mapping.load(path: path)
        #expect(mapping.tables[.episodes]?.values["discharge_reason"]?["Left AMA"] == "ama")
        #expect(mapping.tables[.assessments]?.columns["Q2"] == "item_2")
        #expect(mapping.dateFormat(table: .assessments, column: "assessed_on").description == "M/d/yyyy")
        #expect(mapping.dateFormat(table: .sessions, column: "session_date", source: "Appt Start").description
                == "MM/dd/yyyy hh:mm a")
        #expect(mapping.tables[.assessments]?.values["answer"]?["Nearly every day"] == "3")
        #expect(mapping.timeZone?.description == "America/Chicago")
    }
}
