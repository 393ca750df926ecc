import Testing
import OutcomesCore
@testable import OutcomesIngest

/// The LOINC codes of AUDIT, DAST-10 and PCL-5 (checked against the LOINC panels 72110-0,
/// 82666-9 and 101697-1, AUDIT's answer lists LL2179-1, LL2180-9 and LL2181-7, the yes/no list
/// LL361-7 and the PCL-5 score 101698-9) find their instrument and points in FHIR.
@Suite("FHIR instruments by LOINC code")
struct FHIRInstrumentCodeTests {
    /// Loads one response of 2026-09-09 whose items answer `codes` with `answers` (JSON answer values).
    private func loadResponse(_ codes: [String], _ answers: [String]) throws -> FHIRFixture.Loaded {
        let items = zip(codes, answers).map { FHIRAssessmentTests.qrItem($0, $1) }
        return try FHIRFixture.load([FHIRFixture.patient, FHIRAssessmentTests.response("2026-09-09", items)]
                                        .joined(separator: "\n"))
    }

    private func coded(_ code: String) -> String { #"{"valueCoding":\#(FHIRAssessmentTests.coding(code))}"# }

    @Test func auditItemsAndTotalLoadByTheirLOINCCodes() throws {
        // Items 1-8: 1, 2, 0, 1, 0, 0, 1, 0 = 5; items 9 and 10 (0, 2 or 4): 2 + 4 = 6; total 11, as stated.
        let points = [1, 2, 0, 1, 0, 0, 1, 0, 2, 4]
        let loaded = try loadResponse(LOINCCodes.auditItems + ["75624-7"],
                                      points.map { #"{"valueInteger":\#($0)}"# } + [#"{"valueInteger":11}"#])
        #expect(loaded.issues.isEmpty)
        #expect(loaded.assessments.map { "\($0.instrument) \($0.score) \($0.scoring.rawValue)" } == ["AUDIT 11 complete"])
    }

    @Test func totalsUnderTheTotalAndPanelCodesLoadAsTotals() throws {
        let lines = [
            FHIRFixture.patient,
            FHIRAssessmentTests.observation("a1", "2026-09-10", code: "75624-7", #""valueInteger":9"#),   // AUDIT total 9
            FHIRAssessmentTests.observation("d1", "2026-09-11", code: "82667-7", #""valueInteger":4"#),   // DAST-10 total 4
            FHIRAssessmentTests.observation("d2", "2026-09-12", code: "82666-9", #""valueInteger":3"#),   // DAST-10 panel: total 3
            FHIRAssessmentTests.observation("p1", "2026-09-13", code: "101697-1", #""valueQuantity":{"value":38}"#), // PCL-5 panel: 38
        ]
        let loaded = try FHIRFixture.load(lines.joined(separator: "\n"))
        #expect(loaded.issues.isEmpty)
        #expect(loaded.assessments.map { "\($0.instrument) \($0.score) \($0.scoring.rawValue)" }
                == ["AUDIT 9 total_only", "DAST-10 4 total_only", "DAST-10 3 total_only", "PCL-5 38 total_only"])
    }

    @Test func theAUDITSexQuestionIsNotTakenForAnInstrument() throws {
        // 46098-0 (sex) opens the LOINC AUDIT panel but is asked in many other forms: it names no instrument.
        let sex = FHIRAssessmentTests.observation("s1", "2026-09-10", code: "46098-0", #""valueString":"female""#)
        let loaded = try FHIRFixture.load([FHIRFixture.patient, sex].joined(separator: "\n"))
        #expect(loaded.assessments.isEmpty)
        #expect(loaded.account.skipped == ["Observation (no instrument of the registry)": 1])
    }

    @Test func auditAnswersLoadByTheirLOINCAnswerCodes() throws {
        // Item 1 "2-3 times a week" 3, item 2 "3 or 4" 1, item 3 "less than monthly" 1, item 4
        // "never" 0, item 5 "monthly" 2, item 6 "daily or almost daily" 4, item 7 "weekly" 3,
        // item 8 "never" 0, item 9 "yes, but not in the last year" 2, item 10 "yes, during the
        // last year" 4: 3 + 1 + 1 + 0 + 2 + 4 + 3 + 0 + 2 + 4 = 20, as stated.
        let answers = ["LA18928-4", "LA15695-2", "LA18933-4", "LA6270-8", "LA18876-5", "LA18934-2", "LA18891-4",
                       "LA6270-8", "LA32279-4", "LA32280-2"]
        let loaded = try loadResponse(LOINCCodes.auditItems + ["75624-7"], answers.map(coded) + [#"{"valueInteger":20}"#])
        #expect(loaded.issues.isEmpty)
        #expect(loaded.assessments.map { "\($0.instrument) \($0.score) \($0.scoring.rawValue)" } == ["AUDIT 20 complete"])
        #expect(loaded.assessments.first?.items.map { $0?.description } == ["3", "1", "1", "0", "2", "4", "3", "0", "2", "4"])
    }

    @Test func anAUDITAnswerOutsideItsItemsPointsIsOutOfRange() throws {
        // Every item "never", "1 or 2" or "no" (0), but item 9 "monthly or less" (1 point) where
        // it takes 0, 2 or 4: out_of_range.
        let answers = ["LA6270-8", "LA15694-5"] + Array(repeating: "LA6270-8", count: 6) + ["LA18926-8", "LA32-8"]
        let loaded = try loadResponse(LOINCCodes.auditItems, answers.map(coded))
        #expect(loaded.assessments.isEmpty)
        #expect(loaded.issues.map { "\($0.reason.rawValue) \($0.column ?? "")" } == ["out_of_range $.item[8].answer[0]"])
    }

    @Test func dastAnswersLoadAsYesAndNoWithItemThreeReversed() throws {
        // DAST-10 panel 82666-9, items by registry code with LOINC yes (LA33-6) / no (LA32-8):
        // yes, no, yes, yes, no, no, yes, no, no, no = 1, 0, 1, 1, 0, 0, 1, 0, 0, 0; item 3 is
        // reverse-scored (yes = 0): 1 + 0 + 0 + 1 + 0 + 0 + 1 = 3, the total under 82667-7.
        let yes = [true, false, true, true, false, false, true, false, false, false]
        let components = yes.enumerated().map { offset, answer in
            let value = FHIRAssessmentTests.coding(answer ? "LA33-6" : "LA32-8")
            return #"{"code":{"coding":[{"code":"DAST-10/\#(offset + 1)"}]},"valueCodeableConcept":{"coding":[\#(value)]}}"#
        } + [#"{"code":{"coding":[\#(FHIRAssessmentTests.coding("82667-7"))]},"valueInteger":3}"#]
        let panel = FHIRAssessmentTests.observation("d1", "2026-09-10", code: "82666-9",
                                                    #""component":[\#(components.joined(separator: ","))]"#)
        let loaded = try FHIRFixture.load([FHIRFixture.patient, panel].joined(separator: "\n"))
        #expect(loaded.issues.isEmpty)
        #expect(loaded.assessments.map { "\($0.instrument) \($0.score) \($0.scoring.rawValue)" } == ["DAST-10 3 complete"])
    }

    @Test func pclItemsAndTheLOINCScoreLoad() throws {
        // A response with the 20 PCL-5 items by registry code, 2 each (40), and the stated score
        // 40 under 101698-9; an Observation of the score alone (45) under 101698-9.
        let items = (1...20).map { FHIRAssessmentTests.qrItem("PCL-5/\($0)", #"{"valueInteger":2}"#) }
            + [FHIRAssessmentTests.qrItem("101698-9", #"{"valueInteger":40}"#)]
        let lines = [FHIRFixture.patient, FHIRAssessmentTests.response("2026-09-09", items),
                     FHIRAssessmentTests.observation("p2", "2026-09-20", code: "101698-9", #""valueInteger":45"#)]
        let loaded = try FHIRFixture.load(lines.joined(separator: "\n"))
        #expect(loaded.issues.isEmpty)
        #expect(loaded.assessments.map { "\($0.instrument) \($0.score) \($0.scoring.rawValue)" }
                == ["PCL-5 40 complete", "PCL-5 45 total_only"])
    }
}
