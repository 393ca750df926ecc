import Testing
import OutcomesCore
@testable import OutcomesIngest

/// Valid rows become the Core values they describe.
@Suite("Valid rows")
struct RecordContentTests {
    @Test func episodeWithDefaultsAndPseudonym() throws {
        let record = try TestFiles.record(
            "patient_id,episode_id,program,site,admission_date,discharge_date,discharge_reason,age_at_admission,planned_weeks,extra\n"
            + " MRN-1 ,E8,sud,North,2026-10-01,2026-10-20,ama,17,8,ignored\n")
        guard case .episode(let episode) = record else { Issue.record("expected an episode"); return }
        #expect(episode.patientKey == Pseudonymizer(key: TestFiles.key).pseudonym(for: "MRN-1"))
        #expect(episode.patientKey.count == 64)
        #expect(episode.levelOfCare == .iop)
        #expect(episode.site == "North")
        #expect(episode.admissionDate == Day(year: 2026, month: 10, day: 1))
        #expect(episode.dischargeDate == Day(year: 2026, month: 10, day: 20))
        #expect(episode.dischargeReason == .ama)
        #expect(episode.ageAtAdmission == 17)
        #expect(episode.plannedWeeks == 8)
        #expect(episode.sex == nil)
    }

    @Test func sessionWithQuotedStaffAndSpreadsheetNumbers() throws {
        let record = try TestFiles.record(
            "session_id,episode_id,session_date,session_type,modality,status,scheduled_minutes,attended_minutes,staff_id\n"
            + "S1,E2,2026-10-05,psychiatry,telehealth,left_early,60.0,45,\"Smith, J\"\n")
        #expect(record == .session(Session(
            sessionID: "S1", episodeID: "E2", date: Day(year: 2026, month: 10, day: 5)!, type: .psychiatry,
            modality: .telehealth, status: .leftEarly, scheduledMinutes: 60, attendedMinutes: 45, staffID: "Smith, J")))
    }

    @Test func prorated_PHQ9_withTwoMissingItems() throws {
        // answered: 2+3+1+2+0+3+1 = 12 over 7 items; 12 x 9 / 7 = 15.43 -> 15; total 15 agrees
        let record = try TestFiles.record(
            "episode_id,assessed_on,instrument,item_1,item_2,item_3,item_4,item_5,item_6,item_7,item_8,item_9,total,timepoint\n"
            + "E2,2026-10-02,PHQ-9,2,3,,1,2,0,3,,1,15,intake\n")
        #expect(record == .assessment(Assessment(
            episodeID: "E2", assessedOn: Day(year: 2026, month: 10, day: 2)!, instrument: "PHQ-9",
            items: [2, 3, nil, 1, 2, 0, 3, nil, 1], score: 15, scoring: .prorated, timepoint: .intake)))
    }

    @Test func gad7ItemsInAWiderFile() throws {
        // A file with 9 item columns: GAD-7 uses items 1-7; 1+2+3+0+1+2+3 = 12
        let record = try TestFiles.record(
            "episode_id,assessed_on,instrument,item_1,item_2,item_3,item_4,item_5,item_6,item_7,item_8,item_9,total\n"
            + "E2,2026-10-02,GAD-7,1,2,3,0,1,2,3,,,\n")
        guard case .assessment(let assessment) = record else { Issue.record("expected an assessment"); return }
        #expect(assessment.score == 12)
        #expect(assessment.scoring == .complete)
        #expect(assessment.items.count == 7)
    }

    @Test func gad7ItemBeyondItsCountIsOutOfRange() throws {
        let issue = try #require(try TestFiles.issue(
            "episode_id,assessed_on,instrument,item_1,item_2,item_3,item_4,item_5,item_6,item_7,item_8\n"
            + "E2,2026-10-02,GAD-7,1,2,3,0,1,2,3,1\n"))
        #expect(issue.reason == .outOfRange)
        #expect(issue.column == "item_8")
    }

    @Test func totalOnlyAssessment() throws {
        let record = try TestFiles.record("episode_id,assessed_on,instrument,total\nE2,2026-10-02,WHO-5,13\n")
        #expect(record == .assessment(Assessment(
            episodeID: "E2", assessedOn: Day(year: 2026, month: 10, day: 2)!, instrument: "WHO-5", score: 13, scoring: .totalOnly)))
    }

    @Test func goalDefaults() throws {
        let record = try TestFiles.record("episode_id,goal_id,domain,weight,baseline_level,attained_level,rated_on\nE1,G1,sleep,,,,\n")
        #expect(record == .goal(Goal(episodeID: "E1", goalID: "G1", domain: "sleep", weight: 1, baselineLevel: -1)))
    }

    @Test func eventPseudonymMatchesEpisodePseudonym() throws {
        let record = try TestFiles.record("patient_id,event_date,event_type,source\nMRN-1,2026-10-30,self_harm,ED\n")
        guard case .event(let event) = record else { Issue.record("expected an event"); return }
        #expect(event.patientKey == Pseudonymizer(key: TestFiles.key).pseudonym(for: "MRN-1"))
        #expect(event.type == .selfHarm)
        #expect(event.source == "ED")
    }
}
