import Testing
import OutcomesCore
@testable import OutcomesIngest

/// A row that breaks several rules is counted once, under the first in canonical column order.
@Suite("First rule wins")
struct FirstRuleWinsTests {
    @Test func earlierColumnWinsOverLaterColumn() throws {
        // Given a session with an unknown episode, a bad date, an unknown type and a bad number
        let csv = "scheduled_minutes,status,session_type,session_date,episode_id\nlots,Gone,Group,yesterday,E9\n"
        // Then episode_id (2nd canonical column) wins, though it is the file's last column
        let issue = try #require(try TestFiles.issue(csv))
        #expect(issue.reason == .unknownEpisode)
        #expect(issue.column == "episode_id")
    }

    @Test func dateRuleBeforeCodeRule() throws {
        let issue = try #require(try TestFiles.issue(
            "episode_id,session_date,session_type,status,scheduled_minutes\nE1,2026-10-16,Group,Gone,lots\n"))
        #expect(issue.reason == .outsideEpisode)
    }

    @Test func badDateBeforeOutsideEpisode() throws {
        let issue = try #require(try TestFiles.issue(
            "episode_id,session_date,session_type,status,scheduled_minutes\nE1,16/10/2026,group,attended,60\n"))
        #expect(issue.reason == .badDate)
        #expect(issue.column == "session_date")
    }

    @Test func missingItemsBeforeLaterItemProblem() throws {
        // item_2, item_3, item_4 blank (3 missing > 2 allowed) comes before item_9 = 7 (out of range)
        let issue = try #require(try TestFiles.issue(
            "episode_id,assessed_on,instrument,item_1,item_2,item_3,item_4,item_5,item_6,item_7,item_8,item_9,total\n"
            + "E2,2026-10-02,PHQ-9,1,,,,1,1,1,1,7,99\n"))
        #expect(issue.reason == .tooManyMissingItems)
        #expect(issue.column == "item_2")
    }

    @Test func itemProblemBeforeLaterMissingItems() throws {
        // item_1 = 9 is out of range and comes before the first missing item (item_6)
        let issue = try #require(try TestFiles.issue(
            "episode_id,assessed_on,instrument,item_1,item_2,item_3,item_4,item_5,item_6,item_7,item_8,item_9\n"
            + "E2,2026-10-02,PHQ-9,9,1,1,1,1,,,,\n"))
        #expect(issue.reason == .outOfRange)
        #expect(issue.column == "item_1")
    }

    @Test func itemProblemBeforeTotalMismatch() throws {
        let issue = try #require(try TestFiles.issue(
            "episode_id,assessed_on,instrument,item_1,item_2,item_3,item_4,item_5,item_6,item_7,total\n"
            + "E2,2026-10-02,GAD-7,1,1,x,1,1,1,1,30\n"))
        #expect(issue.reason == .badNumber)
        #expect(issue.column == "item_3")
    }

    @Test func dischargeBeforeAdmissionBeforeMissingReasonAndAge() throws {
        let issue = try #require(try TestFiles.issue(
            "patient_id,episode_id,program,admission_date,discharge_date,discharge_reason,age_at_admission\n"
            + "P1,E8,sud,2026-10-05,2026-10-01,,-3\n"))
        #expect(issue.reason == .dischargeBeforeAdmission)
        #expect(issue.column == "discharge_date")
    }

    @Test func malformedBeforeEverything() throws {
        let issue = try #require(try TestFiles.issue("episode_id,session_date,session_type,status,scheduled_minutes\nE9,x,y\n"))
        #expect(issue.reason == .malformedRow)
        #expect(issue.column == nil)
        #expect(issue.message.contains("3 fields") && issue.message.contains("header has 5"))
    }
}
