import Foundation
import Testing
import OutcomesCore
@testable import OutcomesIngest

@Suite("Date-time columns")
struct DateTimeTests {
    static let chicago = ProgramTimeZone(identifier: "America/Chicago")

    @Test(arguments: [
        // 12-hour clock: 12 AM is midnight, 12 PM noon; no zone in the value: its date counts.
        ("MM/dd/yyyy hh:mm a", "10/03/2026 09:30 AM", "2026-10-03"),
        ("MM/dd/yyyy hh:mm a", "10/03/2026 12:05 am", "2026-10-03"),
        ("M/d/yyyy h:mm a", "1/5/2026 11:59 PM", "2026-01-05"),
        ("yyyy-MM-dd'T'HH:mm:ssXXX", "2026-10-03T09:30:00-05:00", "2026-10-03"),
        // 2026-10-04T02:30Z is 21:30 on 10-03 in Chicago (CDT, UTC-5).
        ("iso8601", "2026-10-04T02:30:00Z", "2026-10-03"),
        // 23:30 at -05:00 is 04:30Z next day, 23:30 CDT: same date.
        ("iso8601", "2026-10-03T23:30:00-05:00", "2026-10-03"),
        // 23:30 in Paris (+02:00) is 21:30Z, 16:30 in Chicago: same date; 01:00+02:00 is 18:00 CDT the day before.
        ("iso8601", "2026-10-03T01:00:00+02:00", "2026-10-02"),
        // In January Chicago is UTC-6: 2026-01-10T05:30Z is 23:30 on 01-09.
        ("iso8601", "2026-01-10T05:30:00.000Z", "2026-01-09"),
        ("iso8601", "2026-10-03", "2026-10-03"),
        ("iso8601", "2026-10-03T09:30", "2026-10-03"),
    ])
    func localCalendarDate(pattern: String, text: String, iso: String) throws {
        let format = try #require(DateFormat(pattern))
        #expect(format.parse(text, zone: Self.chicago)?.description == iso)
    }

    @Test(arguments: [
        ("2026-10-03 00:00:00.000", "iso8601"), ("2026-10-03T09:30:00Z", "iso8601"), ("10/03/2026", "MM/dd/yyyy"),
        ("1/5/2026", "M/d/yyyy"), ("10/03/2026 09:30 PM", "MM/dd/yyyy hh:mm a"),
        ("10/03/2026 21:30", "MM/dd/yyyy HH:mm"),
        ("31/10/2026", "dd/MM/yyyy"), ("31.10.2026", "dd.MM.yyyy"), ("20261003", "yyyyMMdd"),
    ])
    func aDateInAnotherCommonFormatIsNamed(text: String, format: String) throws {
        let bytes = Array(text.utf8)
        #expect(DateFormat.iso.guess(bytes, 0..<bytes.count)?.description == format)
    }

    @Test func theGuessesAreEveryListedFormatAndNeverTheColumnsOwn() throws {
        #expect(DateFormat.guesses.count == 10)
        let bytes = Array("10/03/2026".utf8)
        // In a column already read as MM/dd/yyyy the value parses; the guess skips the column's own format.
        #expect(try #require(DateFormat("MM/dd/yyyy")).guess(bytes, 0..<bytes.count)?.description == "M/d/yyyy")
        #expect(DateFormat.iso.guess(Array("next week".utf8), 0..<9) == nil)
    }

    @Test func aBadDateNamesTheFormatItIsInButNotTheValue() throws {
        let csv = "patient_id,episode_id,program,admission_date\nP1,E1,adult-mh,10/03/2026\n"
        let issue = try #require(try TestFiles.issue(csv))
        #expect(issue.message == "the value is not a date in the format yyyy-MM-dd; it reads as a date in MM/dd/yyyy: "
                + "name that format in the mapping file (date_format, or date_formats for this column)")
    }

    @Test func withoutAZoneSettingTheWrittenDateCounts() throws {
        #expect(DateFormat.iso8601.parse("2026-10-04T02:30:00Z")?.description == "2026-10-04")
    }

    @Test(arguments: [
        ("MM/dd/yyyy hh:mm a", "10/03/2026 13:30 PM"),
        ("MM/dd/yyyy hh:mm a", "10/03/2026 09:30"),
        ("iso8601", "2026-10-03T24:00:00Z"),
        ("iso8601", "2026-10"),
        ("iso8601", "2026-10-03T09:30:00+25:00"),
    ])
    func rejects(pattern: String, text: String) throws {
        #expect(try #require(DateFormat(pattern)).parse(text, zone: Self.chicago) == nil)
    }

    @Test func aSessionDateTimeLoadsOnItsLocalDate() throws {
        let yaml = "time_zone: America/Chicago\ntables:\n  sessions:\n    columns: {\"Start\": session_date}\n"
            + "    date_formats:\n      \"Start\": iso8601\n"
        let mapping = try Mapping.load(path: try TestFiles.write(yaml, suffix: ".yaml"), displayName: "m.yaml")
        let csv = "episode_id,Start,session_type,status,scheduled_minutes\nE1,2026-10-02T03:00:00Z,group,attended,180\n"
        guard case .session(let session) = try TestFiles.record(csv, mapping: mapping) else {
            Issue.record("the row should load"); return
        }
        // 03:00Z on 10-02 is 22:00 CDT on 10-01.
        #expect(session.date.description == "2026-10-01")
    }

    @Test func anUnknownZoneNamesTheLine() throws {
        let path = try TestFiles.write("date_format: MM/dd/yyyy\ntime_zone: Mars/Olympus\n", suffix: ".yaml")
        #expect(throws: IngestFileError.self) { try Mapping.load(path: path, displayName: "m.yaml") }
    }
}

@Suite("Rows keyed by patient")
struct PatientKeyedRowTests {
    static let pseudonymizer = Pseudonymizer(key: TestFiles.key)

    /// Patient P1: A 2026-03-01..2026-04-30; B 2026-06-01..2026-07-31; C 2026-07-15, active
    /// (overlapping B from 07-15 to 07-31). Patient P2: none.
    static let spanned: [(id: String, admission: String, discharge: String?)] = [
        ("A", "2026-03-01", "2026-04-30"), ("B", "2026-06-01", "2026-07-31"), ("C", "2026-07-15", nil)]

    static let episodes: EpisodeSpans = {
        var spans = EpisodeSpans()
        for (id, admission, discharge) in spanned {
            spans.add(Episode(patientKey: pseudonymizer.pseudonym(for: "P1"), episodeID: id, program: "x", site: nil,
                              levelOfCare: .iop, admissionDate: Day(iso: admission)!,
                              dischargeDate: discharge.flatMap { Day(iso: $0) },
                              dischargeReason: discharge == nil ? nil : .completed, ageAtAdmission: nil, sex: nil,
                              race: nil, ethnicity: nil, payer: nil, referralSource: nil, primaryDx: nil, plannedWeeks: nil))
        }
        return spans
    }()

    /// The same episodes in the store's compact directory.
    static let index: EpisodeSpanIndex = {
        var index = EpisodeSpanIndex()
        for (id, admission, discharge) in spanned {
            try! index.append(episode: id, span: EpisodeSpan(admission: Day(iso: admission)!,
                                                             discharge: discharge.flatMap { Day(iso: $0) }))
        }
        for (id, _, _) in spanned { try! index.append(patient: pseudonymizer.pseudonym(for: "P1"), episode: id) }
        return index
    }()

    /// Either directory: every case runs with both.
    enum Directory: CaseIterable, Sendable {
        case dictionary, compact

        var episodes: any EpisodeDirectory { self == .dictionary ? PatientKeyedRowTests.episodes : PatientKeyedRowTests.index }
    }

    static func results(_ csv: String, _ directory: Directory = .dictionary) throws -> [RowResult] {
        let path = try TestFiles.write(csv)
        let reader = try TableFileReader(path: path, displayName: "t.csv", mapping: nil, forcedTable: nil)
        let validator = RecordValidator(table: reader.table, fileName: "t.csv", registry: .builtIn, today: TestFiles.today,
                                        pseudonymizer: pseudonymizer, episodes: directory.episodes)
        var results: [RowResult] = []
        try reader.forEachRow(validator: validator) { results.append($0) }
        return results
    }

    static func outcome(_ result: RowResult) -> String {
        switch result {
        case .record(_, .session(let s)): return s.episodeID
        case .record(_, .assessment(let a)): return a.episodeID
        case .record(_, .goal(let g)): return g.episodeID
        case .rejected(let issue): return issue.reason.rawValue + "@" + (issue.column ?? "")
        default: return "?"
        }
    }

    @Test(arguments: [
        ("2026-03-01", "A"),                      // the admission day
        ("2026-04-30", "A"),                      // the discharge day
        ("2026-05-15", "unknown_episode@patient_id"),  // between two episodes
        ("2026-07-20", "ambiguous_episode@patient_id"), // inside B and C
        ("2026-08-10", "C"),                      // after B's discharge, C still active
    ], Directory.allCases)
    func sessionsAreAssignedByTheirDate(_ row: (day: String, expected: String), directory: Directory) throws {
        let csv = "patient_id,session_date,session_type,status,scheduled_minutes\nP1,\(row.day),group,attended,180\n"
        #expect(try Self.results(csv, directory).map(Self.outcome) == [row.expected])
    }

    @Test(arguments: [
        ("2026-02-20", "A"),                       // 9 days before A's admission: A's baseline window
        ("2026-05-15", "A"),                       // 15 days after A's discharge, 17 before B's admission (B's widened span starts 05-18)
        ("2026-05-20", "ambiguous_episode@patient_id"), // 20 days after A, 12 before B: in both widened spans
        ("2026-06-05", "B"),                       // B's own span beats A's widened one (A + 105 = 08-13)
        ("2026-02-10", "unknown_episode@patient_id"),   // 19 days before A
    ], Directory.allCases)
    func assessmentsUseTheWidenedSpans(_ row: (day: String, expected: String), directory: Directory) throws {
        let csv = "patient_id,assessed_on,instrument,total\nP1,\(row.day),PHQ-9,12\n"
        #expect(try Self.results(csv, directory).map(Self.outcome) == [row.expected])
    }

    @Test(arguments: Directory.allCases)
    func aPatientWithoutEpisodesAndAGoalWithoutADate(directory: Directory) throws {
        let assessment = "patient_id,assessed_on,instrument,total\nP2,2026-06-05,PHQ-9,12\n"
        #expect(try Self.results(assessment, directory).map(Self.outcome) == ["unknown_episode@patient_id"])
        #expect(try Self.results("patient_id,goal_id,rated_on\nP1,G1,2026-06-10\nP1,G2,\n", directory).map(Self.outcome)
                == ["B", "missing_field@rated_on"])
    }
}

@Suite("Long assessments")
struct LongAssessmentTests {
    static let yaml = """
        tables:
          assessments:
            columns: {"Patient": patient_id, "Taken": assessed_on, "Form": instrument, "Question": item, "Response": answer}
            values:
              instrument: {"PHQ9": PHQ-9, "GAD7": GAD-7}
              answer: {"Not at all": "0", "Several days": "1", "More than half the days": "2", "Nearly every day": "3"}
        """

    static func results(_ body: String, yaml: String = yaml) throws -> [RowResult] {
        let mapping = try Mapping.load(path: try TestFiles.write(yaml, suffix: ".yaml"), displayName: "m.yaml")
        let csv = "Patient,Taken,Form,Question,Response\n" + body
        let path = try TestFiles.write(csv)
        let reader = try TableFileReader(path: path, displayName: "t.csv", mapping: mapping, forcedTable: nil)
        let validator = RecordValidator(table: reader.table, fileName: "t.csv", registry: .builtIn, today: TestFiles.today,
                                        pseudonymizer: PatientKeyedRowTests.pseudonymizer,
                                        episodes: PatientKeyedRowTests.episodes)
        var results: [RowResult] = []
        try reader.forEachRow(validator: validator) { results.append($0) }
        return results
    }

    static let gad7Answers = ["Several days", "Nearly every day", "Not at all", "More than half the days", "Several days",
                              "Not at all", "Several days"]

    @Test func itemAnswersAsTextPivotToOneAssessment() throws {
        // GAD-7 items 1..7 = 1, 3, 0, 2, 1, 0, 1: total 8; item 4 given by its LOINC code
        // 69734-2, item 7 as a LOINC answer code (LA6569-3 = 1), the difficulty question kept
        // with the assessment but not summed.
        var rows = Self.gad7Answers.enumerated().map { "P1,2026-03-10,GAD7,\($0.offset + 1),\($0.element)" }
        rows[3] = "P1,2026-03-10,GAD7,69734-2,More than half the days"
        rows[6] = "P1,2026-03-10,GAD7,7,LA6569-3"
        rows.append("P1,2026-03-10,GAD7,69722-7,Somewhat difficult")
        let results = try Self.results(rows.joined(separator: "\n") + "\n")
        #expect(results.count == 1)
        guard case .grouped(let lines, .assessment(let assessment)) = results.first else { Issue.record("\(results)"); return }
        #expect(lines == Array(2...9))
        #expect(assessment.episodeID == "A")
        #expect(assessment.score == 8)
        #expect(assessment.items == [1, 3, 0, 2, 1, 0, 1])
        #expect(assessment.scoring == .complete)
    }

    @Test func aStatedTotalThatDisagreesRejectsEveryRowOfTheAssessment() throws {
        // Items sum to 8; the total row says 9.
        var rows = Self.gad7Answers.enumerated().map { "P1,2026-03-10,GAD7,\($0.offset + 1),\($0.element)" }
        rows.append("P1,2026-03-10,GAD7,70274-6,9")
        let results = try Self.results(rows.joined(separator: "\n") + "\n")
        let issues = results.compactMap { if case .rejected(let issue) = $0 { issue } else { nil } }
        #expect(issues.map(\.reason) == Array(repeating: .totalMismatch, count: 8))
        // Each reject carries its own row's text, read back from the file.
        #expect(issues.map(\.rawLine) == rows)
    }

    @Test func aBadAnswerRejectsItsAssessmentAndOtherAssessmentsStillLoad() throws {
        // Assessment 1 (03-10): item 2 answer "Sometimes" is not translated: bad_number, and its
        // other two rows go with it. Assessment 2 (03-17): PHQ-9 total only: loads.
        let body = "P1,2026-03-10,GAD7,1,Several days\nP1,2026-03-10,GAD7,2,Sometimes\nP1,2026-03-17,PHQ9,total,14\n"
            + "P1,2026-03-10,GAD7,3,Not at all\nP2,2026-03-10,GAD7,1,Several days\n"
        // P1's last row is 5: its assessments are sent when row 5 is read, in first-row order;
        // row 6 (P2, no episode) is rejected as it is read, after them.
        #expect(try Self.summary(Self.results(body))
                == ["2 bad_number", "3 bad_number", "5 bad_number", "[4] PHQ-9 14 total_only", "6 unknown_episode"])
    }

    /// Each result as its rows and score, or its row and reject reason.
    static func summary(_ results: [RowResult]) -> [String] {
        results.map { result -> String in
            switch result {
            case .grouped(let rows, .assessment(let a)): return "\(rows) \(a.instrument) \(a.score) \(a.scoring.rawValue)"
            case .rejected(let issue): return "\(issue.row) \(issue.reason.rawValue)"
            default: return "?"
            }
        }
    }

    @Test func anAssessmentWaitsForItsPatientsLastRow() throws {
        // GAD-7 item 1 of P1 on row 2, P2's row 3 (no episode: rejected as it is read), items 2-7
        // on rows 4-9: one assessment (1, 3, 0, 2, 1, 0, 1 = 8), sent when row 9 is read.
        let items = Self.gad7Answers.enumerated().map { "P1,2026-03-10,GAD7,\($0.offset + 1),\($0.element)" }
        let body = ([items[0], "P2,2026-03-10,GAD7,1,Several days"] + items.dropFirst()).joined(separator: "\n") + "\n"
        #expect(try Self.summary(Self.results(body)) == ["3 unknown_episode", "[2, 4, 5, 6, 7, 8, 9] GAD-7 8 complete"])
    }

    @Test func identifiersWithOnePseudonymAreOnePatientsRows() throws {
        // The mapping translates "legacy-1" to "P1 " (a trailing space, which the pseudonym
        // ignores): rows 2 and 3 are one patient's, so row 2 (the last "P1" row) does not send
        // the assessment before row 3 joins it.
        let yaml = Self.yaml + "\n      patient_id: {\"legacy-1\": \"P1 \"}"
        let body = Self.gad7Answers.enumerated().map { offset, answer in
            "\(offset == 0 ? "P1" : "legacy-1"),2026-03-10,GAD7,\(offset + 1),\(answer)"
        }.joined(separator: "\n") + "\n"
        #expect(try Self.summary(Self.results(body, yaml: yaml)) == ["[2, 3, 4, 5, 6, 7, 8] GAD-7 8 complete"])
    }

    @Test func tooManyMissingItems() throws {
        // GAD-7 allows one missing item; items 1-5 only.
        let rows = Self.gad7Answers.prefix(5).enumerated().map { "P1,2026-03-10,GAD7,\($0.offset + 1),\($0.element)" }
        let reasons = try Self.results(rows.joined(separator: "\n") + "\n").compactMap {
            if case .rejected(let issue) = $0 { issue.reason } else { nil }
        }
        #expect(reasons == Array(repeating: .tooManyMissingItems, count: 5))
    }
}
