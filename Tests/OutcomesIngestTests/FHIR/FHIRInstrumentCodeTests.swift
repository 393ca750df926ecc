import Testing
import OutcomesCore
@testable import OutcomesIngest

/// The LOINC codes of AUDIT, DAST-10 and PCL-5 (checked against the LOINC panels 72110-0,
/// 82666-9 and 101697-1) find their instrument in FHIR.
@Suite("FHIR instruments by LOINC code")
struct FHIRInstrumentCodeTests {
    @Test func auditItemsAndTotalLoadByTheirLOINCCodes() throws {
        // Items 1-8: 1, 2, 0, 1, 0, 0, 1, 0 = 5; items 9 and 10 (0, 2 or 4): 2 + 4 = 6; total 11, as stated.
        let points = [1, 2, 0, 1, 0, 0, 1, 0, 2, 4]
        let items = zip(LOINCCodes.auditItems, points).map {
            FHIRAssessmentTests.qrItem($0, #"{"valueInteger":\#($1)}"#)
        } + [FHIRAssessmentTests.qrItem("75624-7", #"{"valueInteger":11}"#)]
        let loaded = try FHIRFixture.load([FHIRFixture.patient, FHIRAssessmentTests.response("2026-09-09", items)]
                                            .joined(separator: "\n"))
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
}
