import Foundation
import Testing
import OutcomesCore
@testable import OutcomesIngest

/// The first pass over an export skims the lines of types it keeps nothing of (their top-level
/// `resourceType` found without parsing, once a line of the type has parsed) and decodes on two
/// threads; what it gathers, and the tables each file feeds, stay those of every line parsed.
@Suite("FHIR first pass")
struct FHIRFirstPassTests {
    private func type(_ line: String) -> String? {
        Array(line.utf8).withUnsafeBufferPointer(ResourceTypeSkim.type(of:)).map { ResourceTypeSkim.types[$0] }
    }

    @Test func theSkimFindsTheTopLevelTypeOnly() {
        // A contained resource's type and a member name inside a string are not the line's.
        #expect(type(#"{"contained":[{"resourceType":"Patient"}],"resourceType":"Encounter"}"#) == "Encounter")
        #expect(type(#"{"id":"a\",\"resourceType\":\"Goal","resourceType":"Appointment"}"#) == "Appointment")
        #expect(type(#"{ "resourceType" : "Goal" }"#) == "Goal")
        // Types the first pass keeps something of are parsed (an episode's patient, for `AssessmentRelease`).
        #expect(type(#"{"resourceType":"Patient","id":"p1"}"#) == nil)
        #expect(type(#"{"resourceType":"EpisodeOfCare","id":"E1"}"#) == nil)
        #expect(type(#"{"resourceType":"Observation","id":"o1"}"#) == nil)
        // A response naming an Encounter is parsed (the index notes the Encounter); one without is skimmed.
        #expect(type(#"{"resourceType":"QuestionnaireResponse","encounter":{"reference":"Encounter/s1"}}"#) == nil)
        #expect(type(#"{"resourceType":"QuestionnaireResponse","subject":{"reference":"Patient/p1"}}"#) == "QuestionnaireResponse")
        // The skim stops at the type, except for a response, read on for an `encounter` on either side of it.
        #expect(type(#"{"encounter":{"reference":"Encounter/s1"},"resourceType":"QuestionnaireResponse"}"#) == nil)
        #expect(type(#"{"resourceType":"Goal","encounter":{"reference":"Encounter/s1"}}"#) == "Goal")
        // The first of repeated names counts, as when the line is parsed.
        #expect(type(#"{"resourceType":"Goal","resourceType":"Patient"}"#) == "Goal")
        #expect(type(#"{"resourceType":"Patient","resourceType":"Goal"}"#) == nil)
        #expect(type(#"{"id":"x"}"#) == nil)
    }

    private static let encounter = #"{"resourceType":"Encounter","id":"s9","status":"finished","episodeOfCare":[{"reference":"EpisodeOfCare/E1"}],"type":[{"coding":[{"code":"group"}]}],"period":{"start":"2026-09-09T09:00:00-05:00","end":"2026-09-09T12:00:00-05:00"}}"#

    @Test func aSkimmedLineThatIsNotJSONIsRejectedByTheLoad() throws {
        // Line 2 names its type but ends early: skimmed in the first pass (line 1, an Encounter,
        // parsed), rejected when the sessions are loaded. 2 lines = 1 loaded + 1 rejected.
        let lines = [Self.encounter, #"{"resourceType":"Encounter","id":"s10","status":"finished""#]
        let loaded = try FHIRFixture.load(lines.joined(separator: "\n"))
        #expect(loaded.lines(.sessions) == 2)
        #expect(loaded.records.count == 1)
        #expect(loaded.issues.map { "\($0.row) \($0.reason.rawValue) \($0.column ?? "")" } == ["2 malformed_row $"])
    }

    @Test func aLineNamingATypeThatDoesNotParseAddsNoTable() throws {
        // The only line naming Encounter is not JSON: the file feeds no sessions, as when every
        // line is parsed (a type is skimmed only after a line of it has parsed). Its Patient makes
        // it a file of resources other rows use, so the line is rejected with an episodes load.
        let lines = [FHIRFixture.patient, #"{"resourceType":"Encounter","id":"s10",}"#]
        let loaded = try FHIRFixture.load(lines.joined(separator: "\n"))
        #expect(loaded.results[.sessions] == nil)
        #expect(loaded.issues.map { "\($0.row) \($0.reason.rawValue)" } == ["2 malformed_row"])
        #expect(loaded.account.used == ["Patient": 1] && loaded.lines(.episodes) == 1)
    }

    @Test func aFileOfResourcesOtherRowsUseKeepsItsBadLinesAsRejects() throws {
        // Patients on lines 1 and 3, line 2 cut short, line 4 a Practitioner whose status is not a
        // string: 2 used, 2 rejected with an episodes load (line 4 is not also counted as skipped,
        // as it was when only the load pass read a status). A file with no resource is refused.
        let practitioner = #"{"resourceType":"Practitioner","id":"d1","status":5}"#
        let second = FHIRFixture.patient.replacingOccurrences(of: "p1", with: "p2")
            .replacingOccurrences(of: "MRN1", with: "MRN2")
        let loaded = try FHIRFixture.load([FHIRFixture.patient, #"{"resourceType":"Patient","#, second, practitioner]
            .joined(separator: "\n"))
        #expect(loaded.issues.map { "\($0.row) \($0.reason.rawValue) \($0.column ?? "")" }
                == ["2 malformed_row $", "4 malformed_row $.status"])
        #expect(loaded.account.used == ["Patient": 2] && loaded.account.skipped.isEmpty)
        #expect(loaded.lines(.episodes) == 2)
        #expect(throws: IngestFileError.self) { try FHIRFixture.load("[1]\n{\"resourceType\":\n") }
    }

    @Test func skippedLinesAreCountedUnderAHundredTypeNamesAtMost() throws {
        // 150 made-up types T1...T150 and an episode: T1...T100 by name, the other 50 together.
        let lines = (1...150).map { #"{"resourceType":"T\#($0)"}"# } + [FHIRRowTests.episodeOfCare]
        let loaded = try FHIRFixture.load(lines.joined(separator: "\n"), mapping: FHIRRowTests.mapping)
        #expect(loaded.account.skipped.count == 101)
        #expect(loaded.account.skipped["T100"] == 1 && loaded.account.skipped["T101"] == nil)
        #expect(loaded.account.skipped[FHIRAccount.otherTypes] == 50)
        #expect(loaded.account.skipped.values.reduce(0, +) == 150 && loaded.lines(.episodes) == 1)
    }

    @Test func anNDJSONFileWhoseFirstLineIsDamagedIsStillNDJSON() throws {
        // First line not an object, or an object cut short, then resources: NDJSON (line 1 is
        // rejected when loaded), not CSV or a broken JSON document. A CSV header and a pretty-
        // printed resource are what they were.
        for first in ["[1, 2, 3]", "null", #"{"resourceType":"Patient","#] {
            let path = try TestFiles.write(first + "\n" + FHIRFixture.patient + "\n", suffix: ".ndjson")
            #expect(try FHIRContent.kind(path: path) == .ndjson, "\(first)")
        }
        let loaded = try FHIRFixture.load("null\n" + FHIRFixture.patient + "\n" + FHIRRowTests.episodeOfCare + "\n",
                                          mapping: FHIRRowTests.mapping)
        #expect(loaded.issues.map { "\($0.row) \($0.reason.rawValue)" } == ["1 malformed_row"])
        #expect(try FHIRContent.kind(path: TestFiles.write("episode_id,program\nE1,x\n")) == .csv)
        let pretty = "{\n  \"resourceType\": \"Patient\",\n  \"id\": \"p1\"\n}\n"
        #expect(try FHIRContent.kind(path: TestFiles.write(pretty, suffix: ".json")) == .bundle)
    }

    @Test func eachDecoderSkimsATypeOnlyAfterALineOfItHasParsed() {
        // A decoder of each thread: lines 1 and 3 are not JSON, line 2 is. Line 1 is parsed (no
        // Encounter has parsed yet) and fails; line 3, after line 2 parsed, is skimmed.
        let encounter = Array(Self.encounter.utf8)
        let broken = Array(#"{"resourceType":"Encounter","id":"s10","#.utf8)
        var decoder = FHIRLineDecoder(indexOnly: true)
        let lines = [broken, encounter, broken].enumerated().map { decoder.line(Self.line($0 + 1, $1)) }
        let read = lines.map { line -> String in
            guard let line else { return "blank" }
            switch line.resource {
            case .success(let resource): return "\(resource.resourceType) \(resource.id ?? "skimmed")"
            case .failure(let problem): return problem.reason.rawValue
            }
        }
        #expect(read == ["malformed_row", "Encounter s9", "Encounter skimmed"])
        // The load pass's decoder never skims.
        var loading = FHIRLineDecoder(indexOnly: false)
        _ = loading.line(Self.line(1, encounter))
        guard case .failure? = loading.line(Self.line(2, broken))?.resource else { Issue.record("skimmed"); return }
    }

    /// Line `number` of a file, holding `bytes`, at the file's start.
    static func line(_ number: Int, _ bytes: [UInt8]) -> LineFile.Line {
        LineFile.Line(number: number, bytes: bytes[...], start: 0, end: bytes.count, oversizedLength: nil)
    }

    @Test func linesDecodedOnEitherThreadAreIndexedInFileOrder() throws {
        // 600 lines: the reading thread hands batches of 512 lines to the other when it has caught
        // up. The Goal's ratings on lines 2 (0, 2026-10-01) and 601 (+2, 2026-10-12) are both
        // indexed, and the latest, +2, is its level; the Goal on line 602 is loaded.
        func rating(_ id: String, _ day: String, _ level: Int) -> String {
            #"{"resourceType":"Observation","id":"\#(id)","status":"final","code":{"text":"GAS"},"focus":[{"reference":"Goal/g-2"}],"subject":{"reference":"Patient/p1"},"effectiveDateTime":"\#(day)","valueInteger":\#(level)}"#
        }
        let goal = #"{"resourceType":"Goal","id":"g-2","identifier":[{"value":"G2"}],"subject":{"reference":"Patient/p1"},"category":[{"coding":[{"code":"mood"}]}]}"#
        let lines = [FHIRFixture.patient, rating("r1", "2026-10-01", 0)] + Array(repeating: "", count: 598)
            + [rating("r2", "2026-10-12", 2), goal]
        let loaded = try FHIRFixture.load(lines.joined(separator: "\n"), mapping: FHIRRowTests.mapping)
        guard case .goal(let g)? = loaded.records.first else { Issue.record("\(loaded.issues)"); return }
        #expect(loaded.issues.isEmpty)
        #expect(g.attainedLevel == 2 && g.ratedOn == Day(iso: "2026-10-12"))
        #expect(loaded.issues.isEmpty && loaded.lines(.goals) == 1)
        #expect(loaded.account.used == ["Patient": 1, "Observation (rating a Goal)": 2])
    }
}
