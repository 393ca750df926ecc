import Testing
@testable import OutcomesAnalysis

/// `analyze --table NAME --suppress` (issue 8): each table is one output of disclosure control,
/// with the relations its reader knows. Recovered values are worked out in the comments.
@Suite("Suppression of the tables reports show")
struct DetailTableSuppressionTests {
    private func published(_ table: DetailTable, _ rows: [[String]]) -> DetailTable.Published {
        table.published(columns: [], rows: rows)
    }

    @Test func aListWithoutItsTotalWithholdsOnlyItsSmallCounts() {
        // 30 completed, 4 step-ups, 20 AMA, 0 other: the table prints no total, so the 4 is
        // anywhere from 1 to 10 for its reader and nothing else need go.
        let rows = [["completed", "30"], ["step_up", "4"], ["ama", "20"], ["other", "0"]]
        let out = published(.dischargeReasons, rows)
        #expect(out.rows.map { $0[1] } == ["30", "<11", "20", "0"])
        #expect(out.decision.isProtected)
    }

    @Test func sessionMixListsTheSameSessionsByTypeAndByModality() {
        // Scheduled: by type 100 + 20 = 120, so telehealth = 120 - 115 = 5 and its attended
        // 90 + 15 - 100 = 5 would come back. In-person scheduled and attended are withheld
        // ("suppressed", 11 or more): then telehealth scheduled = 120 - in-person, in-person at
        // least 100 attended and at most 119, so 1 to 10 again; attended likewise.
        let rows = [["type", "group", "100", "90"], ["type", "individual", "20", "15"],
                    ["modality", "in_person", "115", "100"], ["modality", "telehealth", "5", "5"]]
        let out = published(.sessionMix, rows)
        #expect(out.rows[0] == rows[0] && out.rows[1] == rows[1])
        #expect(out.rows[2] == ["modality", "in_person", "suppressed", "suppressed"])
        #expect(out.rows[3] == ["modality", "telehealth", "<11", "<11"])
        #expect(out.decision.isProtected)
    }

    @Test func aSeverityShiftWithoutMarginsWithholdsOnlyItsSmallCell() {
        // baseline x final [[20, 5], [15, 30]]: no margin is printed, so 5 is anywhere from 1 to 10.
        let rows = [["a", "a", "20"], ["a", "b", "5"], ["b", "a", "15"], ["b", "b", "30"]]
        #expect(published(.severityShift, rows).rows.map { $0[2] } == ["20", "<11", "15", "30"])
    }

    @Test func aDomainWithAWithheldCountLosesItsMeanLevel() {
        // safety: 12 goals, 3 at or above expected (withheld); 12 and its mean would bound the 3,
        // so the mean is blanked; coping (40, 35) shows all (the 5 below expected is not printed).
        let rows = [["coping", "40", "0.5", "35"], ["safety", "12", "0.25", "3"]]
        let out = published(.goalsByDomain, rows)
        #expect(out.rows[0] == rows[0])
        #expect(out.rows[1] == ["safety", "12", "", "<11"])
    }

    @Test func equityStrataSumToTheOverallRow() {
        // Completed: A 3 + B 40 = 43 overall, so the 3 would come back; B's 40 is withheld
        // ("suppressed"): then A = 43 - B with B at most 50 discharges and at least 11: 1 to 10
        // (A's 12 discharges also cap it).
        let rows = [["race", "A", "30", "40", "3", "12", "0", "0", "0", "0"],
                    ["race", "B", "300", "350", "40", "50", "20", "30", "11", "25"],
                    ["overall", "", "330", "390", "43", "62", "20", "30", "11", "25"]]
        let out = published(.equity, rows)
        #expect(out.rows[0] == ["race", "A", "30", "40", "<11", "12", "0", "0", "0", "0"])
        #expect(out.rows[1] == ["race", "B", "300", "350", "suppressed", "50", "20", "30", "11", "25"])
        #expect(out.rows[2] == rows[2])
        #expect(out.decision.isProtected)
    }

    @Test func retentionDaysMergeIntoStepsWhoseCountsAreZeroOrElevenOrMore() {
        // Days 5 and 9: 4 + 8 = 12 events, 0 censored, 100 at risk: one step. Days 14 and 20:
        // 6 + 5 = 11 events, 11 + 0 = 11 censored. Day 30 alone (3 events, 2 censored) cannot be
        // a step, so it joins the one before: 14 events, 13 censored, 88 at risk from day 14.
        let rows = [["5", "100", "4", "0", "0.96", "0.92", "0.98"], ["9", "96", "8", "0", "0.88", "0.8", "0.93"],
                    ["14", "88", "6", "11", "0.82", "0.74", "0.88"], ["20", "71", "5", "0", "0.76", "0.67", "0.83"],
                    ["30", "66", "3", "2", "0.73", "0.63", "0.8"]]
        let out = published(.retention, rows)
        #expect(out.columns == ["from_day", "to_day", "at_risk", "events", "censored", "survival", "ci_low", "ci_high"])
        #expect(out.rows == [["5", "9", "100", "12", "0", "0.88", "0.8", "0.93"],
                             ["14", "30", "88", "14", "13", "0.73", "0.63", "0.8"]])
    }

    @Test func aCurveThatIsOneSmallStepWithholdsItsCountsAndSurvival() {
        // 20 at risk, 2 + 1 = 3 events and 0 + 3 = 3 censored: both "<11" (20 = 3 + 3 + the 14
        // still followed, which the table does not print, so each is 1 to 10); survival would
        // give the events back and is blanked.
        let rows = [["3", "20", "2", "0", "0.9", "0.7", "0.97"], ["8", "15", "1", "3", "0.84", "0.6", "0.94"]]
        let out = published(.retention, rows)
        #expect(out.rows == [["3", "8", "20", "<11", "<11", "", "", ""]])
        #expect(out.decision.isProtected)
    }
}
