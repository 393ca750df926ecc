import Testing
import OutcomesCore
@testable import OutcomesIngest

/// Assessments pivoted from Observations are sent as soon as no later line can join them (the
/// last Observation naming their patient has been read), so that a file is not held whole.
@Suite("FHIR Observations sent before the end of their file")
struct FHIRObservationReleaseTests {
    /// Patient p1b: the same patient as p1 (MRN1) under another resource id.
    static let samePatient = #"{"resourceType":"Patient","id":"p1b","identifier":[{"type":{"coding":[{"code":"MR"}]},"value":"MRN1"}]}"#

    static func total(_ id: String, _ day: String, _ points: Int, subject: String = "p1") -> String {
        FHIRAssessmentTests.observation(id, day, code: "44261-6", #""valueInteger":\#(points)"#)
            .replacingOccurrences(of: "Patient/p1\"", with: "Patient/\(subject)\"")
    }

    @Test func anAssessmentIsSentAfterItsPatientsLastObservation() throws {
        // Line 2: a PHQ-9 total of p1 (p1's last Observation); line 3: not JSON. The assessment
        // comes before line 3's reject: it was sent when line 2 was read.
        let lines = [FHIRFixture.patient, Self.total("t1", "2026-09-10", 7), #"{"resourceType":"Observation","#]
        let loaded = try FHIRFixture.load(lines.joined(separator: "\n"))
        let order = (loaded.results[.assessments] ?? []).map { result -> String in
            if case .rejected(let issue) = result { return "reject \(issue.row)" }
            return "assessment"
        }
        #expect(order == ["assessment", "reject 3"])
    }

    @Test func anObservationNamingNoPatientHoldsEveryAssessmentToTheEnd() throws {
        // Line 4 names no patient (it may join any assessment): line 2's assessment is sent at the end.
        let noSubject = Self.total("t2", "2026-09-11", 5).replacingOccurrences(of: #""subject":{"reference":"Patient/p1"},"#, with: "")
        let lines = [FHIRFixture.patient, Self.total("t1", "2026-09-10", 7), #"{"resourceType":"Observation","#, noSubject]
        let loaded = try FHIRFixture.load(lines.joined(separator: "\n"))
        let order = (loaded.results[.assessments] ?? []).map { result -> String in
            if case .rejected(let issue) = result { return "reject \(issue.row) \(issue.reason.rawValue)" }
            return "assessment"
        }
        // Line 4 without a patient is rejected (missing_field) as it is read; line 2's assessment after it.
        #expect(order == ["reject 3 malformed_row", "reject 4 missing_field", "assessment"])
    }

    @Test func twoPatientResourcesOfOnePatientStillMakeOneAssessment() throws {
        // Line 3: PHQ-9 panel of p1 listing m1 and m2; line 4: m1 (p1, 1 point); line 5: m2 under
        // p1b, the same MRN1: p1's last line is 4, but MRN1's is 5, so the panel waits for m2
        // and the assessment has both items (1 + 2 = 3, 7 items missing: not scored, one reject).
        let panel = FHIRAssessmentTests.observation("o1", "2026-09-13", code: "44249-1",
                                                    #""hasMember":[{"reference":"Observation/m1"},{"reference":"Observation/m2"}]"#)
        let m1 = FHIRAssessmentTests.observation("m1", "2026-09-13", code: LOINCCodes.phq9Items[0], #""valueInteger":1"#)
        let m2 = FHIRAssessmentTests.observation("m2", "2026-09-13", code: LOINCCodes.phq9Items[1], #""valueInteger":2"#)
            .replacingOccurrences(of: "Patient/p1\"", with: "Patient/p1b\"")
        let loaded = try FHIRFixture.load([FHIRFixture.patient, Self.samePatient, panel, m1, m2].joined(separator: "\n"))
        // One assessment of lines 3-5, rejected as a whole (too many missing items): lines 4 and 5
        // are "row 3 of the same assessment" (released after line 4, line 5 would start another).
        #expect(loaded.issues.map { "\($0.row) \($0.reason.rawValue)" }
                == ["3 too_many_missing_items", "4 too_many_missing_items", "5 too_many_missing_items"])
        #expect(loaded.issues.dropFirst().allSatisfy { $0.message.hasPrefix("row 3 of the same assessment") })
    }
}
