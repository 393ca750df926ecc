import Testing
import OutcomesCore
@testable import OutcomesIngest

/// The missing-item and item-value rules as the validator applies them to rows.
@Suite("Assessment rows")
struct AssessmentRuleTests {
    static let gadHeader = "episode_id,assessed_on,instrument,item_1,item_2,item_3,item_4,item_5,item_6,item_7,total\n"

    @Test func gad7WithOneMissingIsProrated() throws {
        // 2+2+2+2+2+2 = 12 over 6; 12 x 7 / 6 = 14; the total 14 agrees
        let record = try TestFiles.record(Self.gadHeader + "E2,2026-10-02,GAD-7,2,2,2,,2,2,2,14\n")
        guard case .assessment(let assessment) = record else { Issue.record("expected an assessment"); return }
        #expect(assessment.score == 14)
        #expect(assessment.scoring == .prorated)
    }

    @Test func gad7WithTwoMissingIsRejected() throws {
        let issue = try #require(try TestFiles.issue(Self.gadHeader + "E2,2026-10-02,GAD-7,2,2,2,,2,,2,\n"))
        #expect(issue.reason == .tooManyMissingItems)
        #expect(issue.column == "item_4")
        #expect(issue.message == "2 of 7 items are missing; GAD-7 allows 1")
    }

    @Test func prorateMismatchComparesWithTheProratedTotal() throws {
        // the unprorated sum 12 is given, but the scored (prorated) total is 14
        let issue = try #require(try TestFiles.issue(Self.gadHeader + "E2,2026-10-02,GAD-7,2,2,2,,2,2,2,12\n"))
        #expect(issue.reason == .totalMismatch)
        #expect(issue.message.contains("prorated total of 14"))
    }

    @Test func strictInstrumentRejectsOneMissingItem() throws {
        // DAST-10 is strict: item_10 blank
        let issue = try #require(try TestFiles.issue(
            "episode_id,assessed_on,instrument,item_1,item_2,item_3,item_4,item_5,item_6,item_7,item_8,item_9,item_10\n"
            + "E2,2026-10-02,DAST-10,1,0,0,0,0,0,0,0,0,\n"))
        #expect(issue.reason == .tooManyMissingItems)
        #expect(issue.column == "item_10")
    }

    @Test func auditItemNineTakesOnlyZeroTwoFour() throws {
        let header = "episode_id,assessed_on,instrument,item_1,item_2,item_3,item_4,item_5,item_6,item_7,item_8,item_9,item_10,total\n"
        let issue = try #require(try TestFiles.issue(header + "E2,2026-10-02,AUDIT,1,1,1,0,0,0,0,0,3,0,\n"))
        #expect(issue.reason == .outOfRange)
        #expect(issue.column == "item_9")
        #expect(issue.message.contains("0, 2, 4"))
        // 1+1+1 + 2 + 4 = 9
        let record = try TestFiles.record(header + "E2,2026-10-02,AUDIT,1,1,1,0,0,0,0,0,2,4,9\n")
        guard case .assessment(let assessment) = record else { Issue.record("expected an assessment"); return }
        #expect(assessment.score == 9)
    }

    @Test func reverseScoredTotalIsChecked() throws {
        // CORE-10 items 1,4,4,1,1,1,1,1,1,1: items 2 and 3 reverse to 0, so 8, not the naive 16
        let header = "episode_id,assessed_on,instrument,item_1,item_2,item_3,item_4,item_5,item_6,item_7,item_8,item_9,item_10,total\n"
        let issue = try #require(try TestFiles.issue(header + "E2,2026-10-02,CORE-10,1,4,4,1,1,1,1,1,1,1,16\n"))
        #expect(issue.reason == .totalMismatch)
        #expect(try TestFiles.record(header + "E2,2026-10-02,CORE-10,1,4,4,1,1,1,1,1,1,1,8\n") != nil)
    }

    @Test func who5TotalIsOnTheRawScale() throws {
        let issue = try #require(try TestFiles.issue("episode_id,assessed_on,instrument,total\nE2,2026-10-02,WHO-5,52\n"))
        #expect(issue.reason == .outOfRange)
        #expect(issue.message.contains("0...25"))
    }
}
