import Testing
import OutcomesCore
@testable import OutcomesIngest

/// One tiny file per reject reason: row 2 is valid, row 3 breaks exactly one rule.
@Suite("Reject reasons")
struct RejectReasonTests {
    static let episodes = "patient_id,episode_id,program,admission_date,discharge_date,discharge_reason,age_at_admission\n"
        + "P1,E7,adult-mh,2026-10-01,2026-10-20,completed,34\n"
    static let sessions = "episode_id,session_date,session_type,status,scheduled_minutes,attended_minutes\n"
        + "E1,2026-09-02,group,attended,180,170\n"
    static let assessments = "episode_id,assessed_on,instrument,item_1,item_2,item_3,item_4,item_5,item_6,item_7,item_8,item_9,total\n"
        + "E2,2026-10-02,PHQ-9,1,1,1,1,1,1,1,1,1,9\n"
    static let goals = "episode_id,goal_id,weight,baseline_level,attained_level\nE1,G1,2,-1,1\n"
    static let events = "patient_id,event_date,event_type\nP1,2026-10-03,ed_visit\n"

    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let csv: String
        let reason: RejectReason
        let column: String?
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "wrong column count", csv: episodes + "P2,E8,adult-mh,2026-10-01,,,40,extra\n", reason: .malformedRow, column: nil),
        Case(name: "unterminated quote", csv: episodes + "P2,E8,\"adult-mh,2026-10-01,,,40\n", reason: .malformedRow, column: nil),
        Case(name: "blank required field", csv: episodes + "P2,,adult-mh,2026-10-01,,,40\n", reason: .missingField, column: "episode_id"),
        Case(name: "unparseable date", csv: episodes + "P2,E8,adult-mh,2026-13-01,,,40\n", reason: .badDate, column: "admission_date"),
        Case(name: "year typed with a missing digit", csv: episodes + "P2,E8,adult-mh,0026-10-01,,,40\n", reason: .badDate, column: "admission_date"),
        Case(name: "date after today", csv: episodes + "P2,E8,adult-mh,2026-11-02,,,40\n", reason: .futureDate, column: "admission_date"),
        Case(name: "discharge before admission", csv: episodes + "P2,E8,adult-mh,2026-10-01,2026-09-30,completed,40\n",
             reason: .dischargeBeforeAdmission, column: "discharge_date"),
        Case(name: "reason without discharge date", csv: episodes + "P2,E8,adult-mh,2026-10-01,,completed,40\n",
             reason: .missingField, column: "discharge_date"),
        Case(name: "discharge date without reason", csv: episodes + "P2,E8,adult-mh,2026-10-01,2026-10-09,,40\n",
             reason: .missingField, column: "discharge_reason"),
        Case(name: "unknown discharge reason", csv: episodes + "P2,E8,adult-mh,2026-10-01,2026-10-09,Completed,40\n",
             reason: .unknownCode, column: "discharge_reason"),
        Case(name: "age not a number", csv: episodes + "P2,E8,adult-mh,2026-10-01,,,forty\n", reason: .badNumber, column: "age_at_admission"),
        Case(name: "age out of range", csv: episodes + "P2,E8,adult-mh,2026-10-01,,,140\n", reason: .outOfRange, column: "age_at_admission"),
        Case(name: "unknown session status", csv: sessions + "E1,2026-09-03,group,No Show,180,\n", reason: .unknownCode, column: "status"),
        Case(name: "minutes not a number", csv: sessions + "E1,2026-09-03,group,attended,sixty,\n", reason: .badNumber, column: "scheduled_minutes"),
        Case(name: "negative minutes", csv: sessions + "E1,2026-09-03,group,attended,180,-5\n", reason: .outOfRange, column: "attended_minutes"),
        Case(name: "session of an unknown episode", csv: sessions + "E9,2026-09-03,group,attended,180,\n", reason: .unknownEpisode, column: "episode_id"),
        Case(name: "session after discharge", csv: sessions + "E1,2026-10-16,group,attended,180,\n", reason: .outsideEpisode, column: "session_date"),
        Case(name: "session before admission", csv: sessions + "E1,2026-08-31,group,attended,180,\n", reason: .outsideEpisode, column: "session_date"),
        Case(name: "unknown instrument", csv: assessments + "E2,2026-10-09,PHQ9,1,1,1,1,1,1,1,1,1,9\n", reason: .unknownCode, column: "instrument"),
        Case(name: "item out of range", csv: assessments + "E2,2026-10-09,PHQ-9,1,1,1,4,1,1,1,1,1,\n", reason: .outOfRange, column: "item_4"),
        Case(name: "total out of range", csv: assessments + "E2,2026-10-09,PHQ-9,,,,,,,,,,28\n", reason: .outOfRange, column: "total"),
        // items 1+1+1+1+1+1+1+1+2 = 10, the total column says 9
        Case(name: "items and total disagree", csv: assessments + "E2,2026-10-09,PHQ-9,1,1,1,1,1,1,1,1,2,9\n", reason: .totalMismatch, column: "total"),
        Case(name: "three PHQ-9 items missing", csv: assessments + "E2,2026-10-09,PHQ-9,1,,1,,1,,1,1,1,\n", reason: .tooManyMissingItems, column: "item_2"),
        Case(name: "neither items nor total", csv: assessments + "E2,2026-10-09,PHQ-9,,,,,,,,,,\n", reason: .missingField, column: "total"),
        Case(name: "goal weight zero", csv: goals + "E1,G2,0,-1,1\n", reason: .outOfRange, column: "weight"),
        Case(name: "goal baseline 0", csv: goals + "E1,G2,1,0,1\n", reason: .outOfRange, column: "baseline_level"),
        Case(name: "goal attained +3", csv: goals + "E1,G2,1,-1,3\n", reason: .outOfRange, column: "attained_level"),
        Case(name: "goal weight text", csv: goals + "E1,G2,heavy,-1,1\n", reason: .badNumber, column: "weight"),
        Case(name: "goal of an unknown episode", csv: goals + "E5,G2,1,-1,1\n", reason: .unknownEpisode, column: "episode_id"),
        Case(name: "unknown event type", csv: events + "P1,2026-10-04,ED visit\n", reason: .unknownCode, column: "event_type"),
        Case(name: "event date missing", csv: events + "P1,,ed_visit\n", reason: .missingField, column: "event_date"),
    ]

    @Test(arguments: cases)
    func rowBreaksOneRule(_ testCase: Case) throws {
        // When the two-row file is ingested
        let results = try TestFiles.ingest(testCase.csv).results
        // Then row 2 loads and row 3 is rejected for the expected reason at the expected column
        try #require(results.count == 2)
        guard case .record(row: 2, _) = results[0] else { Issue.record("row 2 should load: \(results[0])"); return }
        guard case .rejected(let issue) = results[1] else { Issue.record("row 3 should be rejected"); return }
        #expect(issue.reason == testCase.reason)
        #expect(issue.row == 3)
        #expect(issue.column == testCase.column)
        #expect(issue.file == "test.csv")
        // no patient, episode or goal identifier ever appears in a message
        for identifier in ["P1", "P2", "E1", "E2", "E5", "E7", "E8", "E9", "G1", "G2"] {
            #expect(!issue.message.contains(identifier), "\(issue.message)")
        }
    }

    @Test func invalidUTF8ReportsTheByteOffset() throws {
        // The header is 45 bytes; row 2 "P1,E8," is 6 bytes, so the 0xFF byte sits at 45 + 6 = 51
        let header = "patient_id,episode_id,program,admission_date\n"
        #expect(header.utf8.count == 45)
        let bytes = Array(header.utf8) + Array("P1,E8,".utf8) + [0xFF] + Array("adult,2026-10-01\n".utf8)
        let path = try TestFiles.write(bytes)
        let reader = try TableFileReader(path: path, displayName: "bad.csv", mapping: nil, forcedTable: nil)
        let validator = RecordValidator(table: .episodes, fileName: "bad.csv", registry: .builtIn, today: TestFiles.today,
                                        pseudonymizer: Pseudonymizer(key: TestFiles.key), episodes: EpisodeSpans())
        var issues: [IngestIssue] = []
        try reader.forEachRow(validator: validator) { if case .rejected(let issue) = $0 { issues.append(issue) } }
        #expect(issues.count == 1)
        #expect(issues.first?.reason == .invalidUTF8)
        #expect(issues.first?.row == 2)
        #expect(issues.first?.column == "program")
        #expect(issues.first?.message.contains("byte offset 51") == true)
        #expect(issues.first?.rawLine == "P1,E8,\u{FFFD}adult,2026-10-01")
    }

    @Test func progressReportsBytesRead() throws {
        let csv = Self.events + "P2,2026-10-04,self_harm\n"
        let path = try TestFiles.write(csv)
        let reader = try TableFileReader(path: path, displayName: "e.csv", mapping: nil, forcedTable: nil)
        let validator = RecordValidator(table: .events, fileName: "e.csv", registry: .builtIn, today: TestFiles.today,
                                        pseudonymizer: Pseudonymizer(key: TestFiles.key), episodes: EpisodeSpans())
        var marks: [Int] = []
        try reader.forEachRow(validator: validator, progress: { marks.append($0) }) { _ in }
        // header 33 bytes + "P1,2026-10-03,ed_visit" (22) = 55, then + 1 newline + 23 = 79
        #expect(marks == [55, 79])
    }

    @Test func unknownCodeListsAcceptedCodes() throws {
        let issue = try #require(try TestFiles.issue(
            "episode_id,session_date,session_type,status,scheduled_minutes\nE1,2026-09-03,group,No Show,180\n"))
        #expect(issue.message.contains("attended, late, left_early, no_show, cancelled_patient, cancelled_program, excused"))
        #expect(issue.rawLine == "E1,2026-09-03,group,No Show,180")
    }

    @Test func unknownInstrumentListsRegistryCodes() throws {
        let issue = try #require(try TestFiles.issue("episode_id,assessed_on,instrument,total\nE2,2026-10-02,BDI,12\n"))
        #expect(issue.message.contains("AUDIT, CORE-10, DAST-10, GAD-7, PCL-5, PHQ-9, WHO-5"))
    }

    @Test func sessionsOnAdmissionAndDischargeDayAreInside() throws {
        let csv = "episode_id,session_date,session_type,status,scheduled_minutes\n"
            + "E1,2026-09-01,group,attended,180\nE1,2026-10-15,individual,no_show,60\nE2,2026-11-01,group,late,180\n"
        let results = try TestFiles.ingest(csv).results
        #expect(results.allSatisfy { if case .record = $0 { true } else { false } })
    }
}

@Suite("Rejects kept in the database")
struct StoredRejectTests {
    @Test func rowsHoldingAPatientIdentifierKeepNoRawLineInTheDatabase() {
        let issue = IngestIssue(file: "e.csv", row: 3, column: "admission_date", reason: .badDate, message: "m",
                                rawLine: "MRN0012345,E1,adult-mh,2026-13-01")
        for table in [CanonicalTable.episodes, .events] {
            #expect(!issue.storable(in: table).rawLine.contains("MRN0012345"))
            #expect(issue.storable(in: table).reason == .badDate)
        }
        #expect(issue.storable(in: .sessions) == issue)
    }
}
