import Foundation
import Testing
import OutcomesCore
@testable import OutcomesIngest

/// An assessment's `encounter` and an Observation's `derivedFrom` are resolved whichever file,
/// and whichever order, holds what they refer to (the index keeps only the Encounters and
/// responses something refers to, read in a second pass).
@Suite("FHIR references across files")
struct FHIRCrossReferenceTests {
    /// Loads each text as its own file, named in load order (`a.ndjson`, `b.ndjson` ...).
    private func load(_ files: [String]) throws -> FHIRFixture.Loaded {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fhir-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var paths: [String] = []
        for (offset, text) in files.enumerated() {
            let path = folder.appendingPathComponent("\(Character(Unicode.Scalar(UInt8(97 + offset)))).ndjson").path
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            paths.append(path)
        }
        return try FHIRFixture.load(paths: paths)
    }

    /// A PHQ-9 response of 2026-09-09 answering every item "several days" (1 each: 9).
    private static func response(_ extra: String) -> String {
        let items = LOINCCodes.phq9Items.map { FHIRAssessmentTests.qrItem($0, #"{"valueInteger":1}"#) }
        return #"{"resourceType":"QuestionnaireResponse","id":"qr1","status":"completed",\#(extra)"authored":"2026-09-09","item":[\#(items.joined(separator: ","))]}"#
    }

    private static let encounter = #"{"resourceType":"Encounter","id":"s9","status":"finished","episodeOfCare":[{"reference":"EpisodeOfCare/E1"}],"type":[{"coding":[{"code":"group"}]}],"period":{"start":"2026-09-09T09:00:00-05:00","end":"2026-09-09T12:00:00-05:00"}}"#

    @Test(arguments: [false, true])
    func aResponseTakesItsEpisodeFromItsEncounterInAnotherFile(encounterFirst: Bool) throws {
        // The response names no patient, only its Encounter, whose episode is E1: without the
        // Encounter it would have neither episode nor patient (missing_field).
        let qr = Self.response(#""encounter":{"reference":"Encounter/s9"},"#)
        let loaded = try load(encounterFirst ? [Self.encounter, qr] : [qr, Self.encounter])
        #expect(loaded.issues.isEmpty)
        #expect(loaded.assessments.map { "\($0.episodeID) \($0.instrument) \($0.score)" } == ["E1 PHQ-9 9"])
    }

    @Test(arguments: [false, true])
    func anObservationDerivedFromAResponseInTheExportIsItsCopy(responseFirst: Bool) throws {
        // The total (9) as an Observation derived from the response: skipped, the response loads.
        let qr = Self.response(#""subject":{"reference":"Patient/p1"},"#)
        let copy = FHIRAssessmentTests.observation("t1", "2026-09-09", code: "44261-6",
                                                   #""valueInteger":9,"derivedFrom":[{"reference":"QuestionnaireResponse/qr1"}]"#)
        let loaded = try load(responseFirst ? [FHIRFixture.patient, qr, copy] : [FHIRFixture.patient, copy, qr])
        #expect(loaded.issues.isEmpty)
        #expect(loaded.assessments.map { "\($0.instrument) \($0.score) \($0.scoring.rawValue)" } == ["PHQ-9 9 complete"])
        #expect(loaded.account.skipped == ["Observation (copy of a QuestionnaireResponse in the export)": 1])
    }

    @Test func anObservationDerivedFromAResponseNotInTheExportLoads() throws {
        let total = FHIRAssessmentTests.observation("t1", "2026-09-09", code: "44261-6",
                                                    #""valueInteger":9,"derivedFrom":[{"reference":"QuestionnaireResponse/elsewhere"}]"#)
        let loaded = try load([FHIRFixture.patient, total])
        #expect(loaded.assessments.map { "\($0.instrument) \($0.score) \($0.scoring.rawValue)" } == ["PHQ-9 9 total_only"])
    }
}
