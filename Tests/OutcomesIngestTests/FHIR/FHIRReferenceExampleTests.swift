import Foundation
import Testing
import OutcomesCore
@testable import OutcomesIngest

/// What each public FHIR example in the shared reference data loads as (SPEC section 2; the
/// examples are read where they are, never copied into the project; the tests pass over them
/// when the folder is absent). Each example's patient is added as a Patient line of our own,
/// with an episode holding the example's date, so that only the example decides what loads.
@Suite("Public FHIR examples, checked by hand")
struct FHIRReferenceExampleTests {
    /// `IOP_REFERENCE_DATA/fhir`, by default the team's shared reference data beside the
    /// package (`../shared/reference-data`).
    static let folder: String = {
        if let root = ProcessInfo.processInfo.environment["IOP_REFERENCE_DATA"] { return root + "/fhir" }
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return package.deletingLastPathComponent().appendingPathComponent("shared/reference-data/fhir").path
    }()
    static var present: Bool { FileManager.default.fileExists(atPath: folder) }

    /// The examples' patients (by the id their references end in) with one MRN and episode each.
    static let patients = [("mii-exa-pro-patient", "MRN-A", "2026-09-01"), ("example", "MRN-B", "2023-09-15"),
                           ("proband", "MRN-C", "2019-08-01")]

    static let spans: EpisodeSpans = {
        var spans = EpisodeSpans()
        for (offset, (_, mrn, admitted)) in patients.enumerated() {
            let start = Day(iso: admitted)!
            spans.add(Episode(patientKey: FHIRFixture.pseudonymizer.pseudonym(for: mrn), episodeID: "R\(offset + 1)",
                              program: "adult-mh", site: nil, levelOfCare: .iop, admissionDate: start,
                              dischargeDate: Day(ordinal: start.ordinal + 60), dischargeReason: .completed,
                              ageAtAdmission: nil, sex: nil, race: nil, ethnicity: nil, payer: nil, referralSource: nil,
                              primaryDx: nil, plannedWeeks: nil))
        }
        // MRN-A has a second episode, R4, holding the 2023-10-01 PHQ-9 total of mii-exa-pro-patient.
        spans.add(Episode(patientKey: FHIRFixture.pseudonymizer.pseudonym(for: "MRN-A"), episodeID: "R4",
                          program: "adult-mh", site: nil, levelOfCare: .iop, admissionDate: Day(iso: "2023-09-15")!,
                          dischargeDate: Day(iso: "2023-11-15")!, dischargeReason: .completed, ageAtAdmission: nil,
                          sex: nil, race: nil, ethnicity: nil, payer: nil, referralSource: nil, primaryDx: nil,
                          plannedWeeks: nil))
        return spans
    }()

    /// Loads the examples `names` (paths under the folder) with the patients' lines.
    static func load(_ names: [String]) throws -> FHIRFixture.Loaded {
        let patientsFile = FileManager.default.temporaryDirectory.appendingPathComponent("patients-\(UUID().uuidString).ndjson")
        defer { try? FileManager.default.removeItem(at: patientsFile) }
        let lines = patients.map { id, mrn, _ in
            #"{"resourceType":"Patient","id":"\#(id)","identifier":[{"type":{"coding":[{"code":"MR"}]},"value":"\#(mrn)"}]}"#
        }
        try Data(lines.joined(separator: "\n").utf8).write(to: patientsFile)
        return try FHIRFixture.load(paths: [patientsFile.path] + names.map { folder + "/" + $0 }, episodes: spans)
    }

    static func scores(_ loaded: FHIRFixture.Loaded) -> [String] {
        loaded.assessments.map { "\($0.assessedOn) \($0.instrument) \($0.score) \($0.scoring.rawValue)" }
    }

    @Test(.enabled(if: present)) func miiObservationsLoadAsTotals() throws {
        // GAD-7 total (70274-6) 7 on 2026-09-02; PHQ-9 total (44261-6) 27 on 2023-10-01; the
        // same 27 under the PHQ-9 panel code (44249-1), for Patient/example. The GAD-7 total is
        // derived from a response that is not in the export, so it is no copy and loads.
        let loaded = try Self.load(["mii-proms/Observation-mii-exa-pro-gad-7-score.json",
                                    "mii-proms/Observation-mii-exa-pro-phq-9-observation.json",
                                    "mii-proms/Observation-mii-exa-pro-phq-9-observation_2025-03_code44249-1.json"])
        #expect(loaded.issues.isEmpty, "\(loaded.issues)")
        #expect(Self.scores(loaded) == ["2023-10-01 PHQ-9 27 total_only", "2023-10-01 PHQ-9 27 total_only",
                                        "2026-09-02 GAD-7 7 total_only"])
    }

    @Test(.enabled(if: present)) func miiResponsesNameNoInstrumentTheLoaderCanTell() throws {
        // The PHQ-9 response names its Questionnaire as `Questionnaire/mii-qst-pro-phq-9`, not by
        // its canonical URL, and its linkIds (PHQ.1 ...) are not the Questionnaire's (PHQ-9.1 ...);
        // the GAD-7 response's Questionnaire is not among the examples. Neither says which LOINC
        // item it answers: both are skipped, the Questionnaire used, the value sets skipped.
        let loaded = try Self.load(["mii-proms/Questionnaire-mii-qst-pro-phq-9.json",
                                    "mii-proms/QuestionnaireResponse-mii-exa-pro-phq-9-response.json",
                                    "mii-proms/QuestionnaireResponse-mii-exa-pro-gad-7-response.json",
                                    "mii-proms/ValueSet-mii-vs-pro-phq-9-answer-list-ll358-3.json",
                                    "mii-proms/ValueSet-mii-vs-pro-phq-9-answer-list-ll359-1.json"])
        #expect(loaded.assessments.isEmpty && loaded.issues.isEmpty)
        #expect(loaded.account.skipped == ["QuestionnaireResponse (no instrument of the registry)": 2, "ValueSet": 2])
        #expect(loaded.account.used == ["Patient": 3, "Questionnaire": 1])
    }

    @Test(.enabled(if: present)) func sdcResponseLoadsItsTotalThroughItsQuestionnaire() throws {
        // The SDC Questionnaire codes only the total item (H1/TS = 44261-6), so the response is
        // PHQ-9 with its stated total 13 (items 0,0,0,1,2,1,3,2,1 = 10 are local answer codes
        // without LOINC item codes, not read). The adaptive response's contained Questionnaire
        // is not in the export: skipped. The CodeSystem is skipped.
        let loaded = try Self.load(["hl7-sdc/questionnaire-sdc-profile-example-PHQ9.json",
                                    "hl7-sdc/questionnaireresponse-sdc-profile-example-PHQ9.json",
                                    "hl7-sdc/adaptive-questionnaireresponse-sdc-profile-example-PHQ9.json",
                                    "hl7-sdc/CodeSystem-CSPHQ9.json"])
        #expect(loaded.issues.isEmpty, "\(loaded.issues)")
        #expect(Self.scores(loaded) == ["2019-08-21 PHQ-9 13 total_only"])
        #expect(loaded.account.skipped == ["QuestionnaireResponse (no instrument of the registry)": 1, "CodeSystem": 1])
    }
}
