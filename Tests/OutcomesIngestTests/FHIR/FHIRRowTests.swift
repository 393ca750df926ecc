import Foundation
import Testing
import OutcomesCore
@testable import OutcomesIngest

@Suite("FHIR episodes, sessions and goals")
struct FHIRRowTests {
    static let mapping: Mapping = {
        let yaml = """
            time_zone: America/Chicago
            fhir:
              extensions:
                discharge_reason: https://x.example/discharge-reason
                attained_level: https://x.example/gas
            """
        let path = try? TestFiles.write(yaml, suffix: ".yaml")
        return (try? Mapping.load(path: path ?? "", displayName: "m.yaml")) ?? Mapping()
    }()

    static let episodeOfCare = #"{"resourceType":"EpisodeOfCare","id":"E9","status":"finished","patient":{"reference":"Patient/p1"},"period":{"start":"2026-09-01","end":"2026-10-15"},"type":[{"coding":[{"code":"adult-mh"}]}],"diagnosis":[{"condition":{"reference":"Condition/c2"},"rank":2},{"condition":{"reference":"Condition/c1"},"rank":1}],"extension":[{"url":"https://x.example/discharge-reason","valueCode":"completed"}]}"#

    @Test func anEpisodeTakesItsPatientConditionAndCoverage() throws {
        let lines = [
            FHIRFixture.patient,
            #"{"resourceType":"Condition","id":"c1","code":{"coding":[{"system":"http://hl7.org/fhir/sid/icd-10-cm","code":"F33.1"}]}}"#,
            #"{"resourceType":"Condition","id":"c2","code":{"coding":[{"code":"F41.1"}]}}"#,
            #"{"resourceType":"Coverage","id":"v1","beneficiary":{"reference":"Patient/p1"},"period":{"start":"2026-01-01"},"payor":[{"display":"Medicaid"}]}"#,
            Self.episodeOfCare,
        ]
        let loaded = try FHIRFixture.load(lines.joined(separator: "\n"), mapping: Self.mapping, episodes: EpisodeSpans())
        guard case .episode(let episode)? = loaded.records.first else { Issue.record("\(loaded.issues)"); return }
        // Born 1990-10-02, admitted 2026-09-01: 35 (the 36th birthday is a month later).
        #expect(episode.ageAtAdmission == 35)
        #expect(episode.patientKey == FHIRFixture.pseudonymizer.pseudonym(for: "MRN1"))
        #expect(episode.primaryDx == "F33.1")   // the rank-1 diagnosis
        #expect(episode.payer == "Medicaid")
        #expect(episode.sex == "female")
        #expect(episode.dischargeReason == .completed)
        #expect(loaded.account.used == ["Patient": 1, "Condition": 2, "Coverage": 1])
    }

    @Test func aMissingExtensionIsNamedByItsURL() throws {
        let episode = Self.episodeOfCare.replacingOccurrences(
            of: #","extension":[{"url":"https://x.example/discharge-reason","valueCode":"completed"}]"#, with: "")
        let loaded = try FHIRFixture.load([FHIRFixture.patient, episode].joined(separator: "\n"), mapping: Self.mapping,
                                          episodes: EpisodeSpans())
        // A discharge date without a discharge reason: missing_field, at the extension the mapping names.
        #expect(loaded.issues.map { "\($0.row) \($0.reason.rawValue) \($0.column ?? "")" }
                == ["2 missing_field $.extension[url=https://x.example/discharge-reason]"])
    }

    @Test func sessionStatusesAndRejectsNameLineAndPath() throws {
        func appointment(_ id: String, _ status: String, _ reason: String? = nil) -> String {
            let cancel = reason.map { #","cancelationReason":{"coding":[{"code":"\#($0)"}]}"# } ?? ""
            return #"{"resourceType":"Appointment","id":"\#(id)","status":"\#(status)","start":"2026-09-02T14:00:00Z","minutesDuration":60,"appointmentType":{"coding":[{"code":"individual"}]},"participant":[{"actor":{"reference":"Patient/p1"}}]\#(cancel)}"#
        }
        let encounter = #"{"resourceType":"Encounter","id":"s5","status":"finished","episodeOfCare":[{"reference":"EpisodeOfCare/E1"}],"class":{"code":"VR"},"type":[{"coding":[{"code":"group"}]}],"period":{"start":"2026-09-03T09:00:00-05:00","end":"2026-09-03T12:00:00-05:00"},"length":{"value":170}}"#
        let badDate = #"{"resourceType":"Encounter","id":"s6","status":"finished","episodeOfCare":[{"reference":"EpisodeOfCare/E1"}],"type":[{"coding":[{"code":"group"}]}],"period":{"start":"2026-13-03T09:00:00Z","end":"2026-09-03T12:00:00Z"}}"#
        let lines = [FHIRFixture.patient, appointment("s1", "noshow"), appointment("s2", "cancelled", "pat"),
                     appointment("s3", "cancelled", "prov"), appointment("s4", "fulfilled"), encounter, badDate,
                     appointment("s8", "entered-in-error")]
        let loaded = try FHIRFixture.load(lines.joined(separator: "\n"), mapping: Self.mapping)
        let sessions = loaded.records.compactMap { if case .session(let s) = $0 { s } else { nil } }
        #expect(sessions.map { "\($0.sessionID ?? "") \($0.status.rawValue)" }
                == ["s1 no_show", "s2 cancelled_patient", "s3 cancelled_program", "s4 attended", "s5 attended"])
        // s5: 09:00 to 12:00 scheduled = 180 minutes, 170 attended, by video.
        #expect(sessions.last.map { [$0.scheduledMinutes, $0.attendedMinutes ?? -1] } == [180, 170])
        #expect(sessions.last?.modality == .telehealth)
        #expect(sessions.allSatisfy { $0.episodeID == "E1" })
        #expect(loaded.issues.map { "\($0.row) \($0.reason.rawValue) \($0.column ?? "")" } == ["7 bad_date $.period.start"])
        // Line 8, entered in error, is no session: skipped. 1 used + 6 sessions read + 1 skipped = 8 lines.
        #expect(loaded.account.skipped == ["Appointment (entered in error)": 1])
        #expect(loaded.lines(.sessions) == 6)
    }

    @Test func aGoalTakesItsLevelFromTheMappingsExtensionAndItsEpisodeFromItsDate() throws {
        let goal = #"{"resourceType":"Goal","id":"g-1","identifier":[{"value":"G1"}],"lifecycleStatus":"completed","subject":{"reference":"Patient/p1"},"statusDate":"2026-10-10","category":[{"coding":[{"code":"coping"}]}],"extension":[{"url":"https://x.example/gas","valueInteger":1}]}"#
        let loaded = try FHIRFixture.load([FHIRFixture.patient, goal].joined(separator: "\n"), mapping: Self.mapping)
        guard case .goal(let g)? = loaded.records.first else { Issue.record("\(loaded.issues)"); return }
        #expect([g.episodeID, g.goalID, g.domain ?? ""] == ["E1", "G1", "coping"])
        #expect(g.attainedLevel == 1 && g.baselineLevel == -1 && g.weight == 1)
    }

    @Test func aGoalTakesItsLevelFromTheLatestObservationAboutIt() throws {
        // No level extension on the Goal: its Observations (focus Goal/g-2) rate it 0 on
        // 2026-10-01 and +2 on 2026-10-12; the latest, +2, is the level, rated on 2026-10-12.
        // An Observation about another Goal (g-9, not in the export) is used, and makes no row.
        func rating(_ id: String, _ goal: String, _ day: String, _ level: Int) -> String {
            #"{"resourceType":"Observation","id":"\#(id)","status":"final","code":{"text":"GAS"},"focus":[{"reference":"Goal/\#(goal)"}],"subject":{"reference":"Patient/p1"},"effectiveDateTime":"\#(day)","valueInteger":\#(level)}"#
        }
        let goal = #"{"resourceType":"Goal","id":"g-2","identifier":[{"value":"G2"}],"subject":{"reference":"Patient/p1"},"category":[{"coding":[{"code":"mood"}]}]}"#
        let lines = [FHIRFixture.patient, rating("r2", "g-2", "2026-10-12", 2), goal, rating("r1", "g-2", "2026-10-01", 0),
                     rating("r3", "g-9", "2026-10-02", 1)]
        let loaded = try FHIRFixture.load(lines.joined(separator: "\n"), mapping: Self.mapping)
        guard case .goal(let g)? = loaded.records.first else { Issue.record("\(loaded.issues)"); return }
        #expect(loaded.records.count == 1 && loaded.issues.isEmpty)
        #expect([g.episodeID, g.goalID] == ["E1", "G2"])
        #expect(g.attainedLevel == 2 && g.ratedOn == Day(iso: "2026-10-12"))
        // 1 Patient + 3 Observations used, 1 Goal read: 5 lines.
        #expect(loaded.account.used == ["Patient": 1, "Observation (rating a Goal)": 3])
        #expect(loaded.lines(.goals) == 1)
    }

    @Test func aBundleIsRecognisedByContentAndItsEntriesNumbered() throws {
        let bundle = """
            {"resourceType": "Bundle", "type": "collection", "entry": [
              {"resource": \(FHIRFixture.patient)},
              {"resource": {"resourceType": "EpisodeOfCare", "id": "E7", "patient": {"reference": "Patient/p1"},
                            "period": {"end": "2026-10-15"}, "type": [{"coding": [{"code": "sud"}]}]}},
              {"resource": \(Self.episodeOfCare)},
              {"resource": {"resourceType": "EpisodeOfCare", "id": "E8", "status": "finished", "patient": {"reference": "Patient/p1"},
                            "period": {"start": "2026-09-01"}, "type": [{"coding": [{"code": "sud"}]}]}},
              {"resource": {"resourceType": "EpisodeOfCare", "id": "E6", "status": "waitlist", "patient": {"reference": "Patient/p1"},
                            "type": [{"coding": [{"code": "sud"}]}]}}
            ]}
            """
        let loaded = try FHIRFixture.load(bundle, name: "bundle.json", mapping: Self.mapping, episodes: EpisodeSpans())
        #expect(loaded.records.count == 1)
        // Entry 2 has no admission date, entry 4 is finished without a discharge date, entry 5 is on the waitlist.
        #expect(loaded.issues.map { "\($0.row) \($0.reason.rawValue) \($0.column ?? "")" }
                == ["2 missing_field $.period.start", "4 missing_field $.period.end"])
        #expect(loaded.account.skipped == ["EpisodeOfCare (waitlist, not admitted)": 1])
    }

    @Test func aManifestMustListOnlyFilesBesideIt() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("manifest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let manifest = folder.appendingPathComponent("manifest.json").path
        let data = folder.appendingPathComponent("Patient.ndjson").path
        try Data(#"{"transactionTime": "2026-10-31T00:00:00Z", "output": [{"type": "Patient", "url": "https://x/Patient.ndjson"}, {"type": "Goal", "url": "https://x/Goal.ndjson"}]}"#.utf8)
            .write(to: URL(fileURLWithPath: manifest))
        try Data((FHIRFixture.patient + "\n").utf8).write(to: URL(fileURLWithPath: data))
        #expect(try FHIRContent.kind(path: manifest) == .manifest)
        #expect(try FHIRContent.kind(path: data) == .ndjson)
        #expect(throws: IngestFileError.self) { try FHIRExport(paths: [manifest, data], mapping: nil, registry: .builtIn) }
    }
}
