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

    /// EpisodeOfCare E1 of p1 (MRN1), open since 2026-09-01, and its Encounter s1.
    static let episodeAndEncounter = [
        #"{"resourceType":"EpisodeOfCare","id":"E1","status":"active","patient":{"reference":"Patient/p1"},"period":{"start":"2026-09-01"},"type":[{"coding":[{"code":"adult-mh"}]}]}"#,
        #"{"resourceType":"Encounter","id":"s1","status":"finished","subject":{"reference":"Patient/p1"},"episodeOfCare":[{"reference":"EpisodeOfCare/E1"}],"type":[{"coding":[{"code":"group"}]}],"period":{"start":"2026-09-09T09:00:00-05:00","end":"2026-09-09T12:00:00-05:00"}}"#,
    ]

    /// `observation` naming Encounter s1 as well as its patient.
    static func atEncounter(_ observation: String) -> String {
        observation.replacingOccurrences(of: #""status":"final","#,
                                         with: #""status":"final","encounter":{"reference":"Encounter/s1"},"#)
    }

    /// The order in which `loaded`'s assessments table sent its results.
    static func order(_ loaded: FHIRFixture.Loaded) -> [String] {
        (loaded.results[.assessments] ?? []).map { result -> String in
            if case .rejected(let issue) = result { return "reject \(issue.row) \(issue.reason.rawValue)" }
            return "assessment"
        }
    }

    @Test func anObservationNamingAnEncounterIsSentAfterItsEpisodesPatientsLastObservation() throws {
        // Lines 1-4: Patients p1 (MRN1) and p2 (MRN2), EpisodeOfCare E1 (p1's), Encounter s1 (E1's);
        // line 5: a PHQ-9 total at s1, the last Observation of E1's patient; line 6: p2's total,
        // rejected as it is read (MRN2 has no episode). The assessment is sent when line 5 is read,
        // before line 6's reject (when an Encounter was named, it was held to the end of the file).
        let otherPatient = FHIRFixture.patient.replacingOccurrences(of: "p1", with: "p2")
            .replacingOccurrences(of: "MRN1", with: "MRN2")
        let lines = [FHIRFixture.patient, otherPatient] + Self.episodeAndEncounter
            + [Self.atEncounter(Self.total("t1", "2026-09-10", 7)), Self.total("t2", "2026-09-10", 5, subject: "p2")]
        let loaded = try FHIRFixture.load(lines.joined(separator: "\n"))
        #expect(Self.order(loaded) == ["assessment", "reject 6 unknown_episode"])
        #expect(loaded.assessments.map { "\($0.episodeID) \($0.assessedOn) \($0.score)" } == ["E1 2026-09-10 7"])
    }

    @Test func anAssessmentJoinedAtItsEncounterAndByItsPatientWaitsForBoth() throws {
        // Line 4: PHQ-9 panel at s1 listing m1 and m2; line 5: m1 at s1 (1 point); line 6: m2
        // naming p1 alone (2 points), which joins the same assessment of E1 by its date. Both
        // count under MRN1, whose last line is 6: one assessment of lines 4-6 (1 + 2, 7 items
        // missing: rejected as a whole), sent after line 6, not split at line 5.
        let members = #""hasMember":[{"reference":"Observation/m1"},{"reference":"Observation/m2"}]"#
        let panel = Self.atEncounter(FHIRAssessmentTests.observation("o1", "2026-09-13", code: "44249-1", members))
        let m1 = Self.atEncounter(FHIRAssessmentTests.observation("m1", "2026-09-13", code: LOINCCodes.phq9Items[0],
                                                                  #""valueInteger":1"#))
        let m2 = FHIRAssessmentTests.observation("m2", "2026-09-13", code: LOINCCodes.phq9Items[1],
                                                 #""valueInteger":2"#)
        let lines = [FHIRFixture.patient] + Self.episodeAndEncounter + [panel, m1, m2]
        let loaded = try FHIRFixture.load(lines.joined(separator: "\n"))
        #expect(loaded.issues.filter { $0.reason == .tooManyMissingItems }.map(\.row) == [4, 5, 6])
        // Lines 5 and 6 are rows of line 4's assessment (split at line 5, line 6 would be its own).
        #expect(loaded.issues.dropFirst().allSatisfy { $0.message.hasPrefix("row 4 of the same assessment") })
        #expect(Self.order(loaded) == ["reject 4 too_many_missing_items", "reject 5 too_many_missing_items",
                                       "reject 6 too_many_missing_items"])
    }

    @Test func twoPatientResourcesOfOnePatientStillMakeOneAssessment() throws {
        // Line 3: PHQ-9 panel of p1 listing m1 and m2; line 4: m1 (p1, 1 point); line 5: m2 under
        // p1b, the same MRN1: p1's last line is 4, but MRN1's is 5, so the panel waits for m2
        // and the assessment has both items (1 + 2 = 3, 7 items missing: not scored, one reject).
        let panel = FHIRAssessmentTests.observation("o1", "2026-09-13", code: "44249-1",
                                                    #""hasMember":[{"reference":"Observation/m1"},{"reference":"Observation/m2"}]"#)
        let m1 = FHIRAssessmentTests.observation("m1", "2026-09-13", code: LOINCCodes.phq9Items[0], #""valueInteger":1"#)
        let m2 = FHIRAssessmentTests.observation("m2", "2026-09-13", code: LOINCCodes.phq9Items[1],
                                                 #""valueInteger":2"#)
            .replacingOccurrences(of: "Patient/p1\"", with: "Patient/p1b\"")
        let loaded = try FHIRFixture.load([FHIRFixture.patient, Self.samePatient, panel, m1, m2].joined(separator: "\n"))
        // One assessment of lines 3-5, rejected as a whole (too many missing items): lines 4 and 5
        // are "row 3 of the same assessment" (released after line 4, line 5 would start another).
        #expect(loaded.issues.map { "\($0.row) \($0.reason.rawValue)" }
                == ["3 too_many_missing_items", "4 too_many_missing_items", "5 too_many_missing_items"])
        #expect(loaded.issues.dropFirst().allSatisfy { $0.message.hasPrefix("row 3 of the same assessment") })
    }
}
