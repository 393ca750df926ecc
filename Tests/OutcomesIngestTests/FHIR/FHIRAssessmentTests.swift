import Foundation
import Testing
import OutcomesCore
@testable import OutcomesIngest

@Suite("FHIR assessments")
struct FHIRAssessmentTests {
    static func coding(_ code: String, system: String? = "http://loinc.org") -> String {
        system.map { #"{"system":"\#($0)","code":"\#(code)"}"# } ?? #"{"code":"\#(code)"}"#
    }

    static func qrItem(_ linkId: String, _ answer: String) -> String { #"{"linkId":"\#(linkId)","answer":[\#(answer)]}"# }

    static func response(_ day: String, _ items: [String]) -> String {
        #"{"resourceType":"QuestionnaireResponse","id":"qr-\#(day)","status":"completed","subject":{"reference":"Patient/p1"},"authored":"\#(day)T10:00:00Z","item":[\#(items.joined(separator: ","))]}"#
    }

    static func observation(_ id: String, _ day: String, code: String, _ rest: String) -> String {
        #"{"resourceType":"Observation","id":"\#(id)","status":"final","subject":{"reference":"Patient/p1"},"effectiveDateTime":"\#(day)","code":{"coding":[\#(coding(code))]}\#(rest.isEmpty ? "" : ",")\#(rest)}"#
    }

    static let la = ["LA6568-5", "LA6569-3", "LA6570-1", "LA6571-9"]

    /// Every case of issue 10 in one export; the expected loads are worked out beside each line.
    static let lines: [String] = {
        let phq = LOINCCodes.phq9Items, gad = LOINCCodes.gad7Items
        var lines = [FHIRFixture.patient]                                                     // 1: used (Patient)
        // 2: PHQ-9, LA codes with the LOINC system, items 1,2,0,3,1,0,2,1,0 = 10, stated total 10.
        let phqPoints = [1, 2, 0, 3, 1, 0, 2, 1, 0]
        lines.append(response("2026-09-09", zip(phq, phqPoints).map { qrItem($0, #"{"valueCoding":\#(coding(la[$1]))}"#) }
                              + [qrItem("44261-6", #"{"valueInteger":10}"#)]))
        // 3: GAD-7, answers without a system (LA6570-1 = 2 each: 14), a T-score and the
        //    difficulty question in the same response, neither summed.
        lines.append(response("2026-09-10", gad.map { qrItem($0, #"{"valueCoding":\#(coding("LA6570-1", system: nil))}"#) }
                              + [qrItem("promis-tscore", #"{"valueDecimal":63.5}"#),
                                 qrItem("69722-7", #"{"valueCoding":\#(coding("LA6573-5"))}"#)]))
        // 4: PHQ-9, local codes with an ordinalValue of 1 each: 9.
        let ordinal = #"{"valueCoding":{"system":"urn:local","code":"sometimes","extension":[{"url":"http://hl7.org/fhir/StructureDefinition/ordinalValue","valueDecimal":1}]}}"#
        lines.append(response("2026-09-11", phq.map { qrItem($0, ordinal) }))
        // 5: GAD-7 panel, items and the total (7) in components: items 1 each = 7.
        let components = gad.map { #"{"code":{"coding":[\#(coding($0))]},"valueCodeableConcept":{"coding":[\#(coding("LA6569-3"))]}}"# }
            + [#"{"code":{"coding":[\#(coding("70274-6"))]},"valueInteger":7}"#]
        lines.append(observation("o5", "2026-09-12", code: "69737-5", #""component":[\#(components.joined(separator: ","))]"#))
        // 6: PHQ-9 panel with hasMember; 7-15: its nine items (1 each: 9); 16: its difficulty question.
        let members = (1...10).map { #"{"reference":"Observation/m\#($0)"}"# }.joined(separator: ",")
        lines.append(observation("o6", "2026-09-13", code: "44249-1", #""hasMember":[\#(members)]"#))
        for (offset, code) in phq.enumerated() {
            lines.append(observation("m\(offset + 1)", "2026-09-13", code: code,
                                     #""valueCodeableConcept":{"coding":[\#(coding("LA6569-3"))]}"#))
        }
        lines.append(observation("m10", "2026-09-13", code: "69722-7", #""valueCodeableConcept":{"coding":[\#(coding("LA6573-5"))]}"#))
        // 17: the total under the panel code: PHQ-9 total only, 12.
        lines.append(observation("o17", "2026-09-14", code: "44249-1", #""valueQuantity":{"value":12,"unit":"{score}"}"#))
        // 18: a stated total (12) that disagrees with the items (10): total_mismatch.
        lines.append(response("2026-09-15", zip(phq, phqPoints).map { qrItem($0, #"{"valueCoding":\#(coding(la[$1]))}"#) }
                              + [qrItem("44261-6", #"{"valueInteger":12}"#)]))
        lines.append(#"{"resourceType":"Practitioner","id":"L05"}"#)                          // 19: skipped
        lines.append(observation("hr", "2026-09-16", code: "8867-4", #""valueQuantity":{"value":72}"#)) // 20: skipped (a heart rate)
        lines.append(#"{"resourceType":"Observation","code":"#)                               // 21: malformed JSON
        lines.append("[1, 2, 3]")                                                            // 22: not an object
        return lines
    }()

    @Test func everyCaseLoadsAsWorkedOut() throws {
        let loaded = try FHIRFixture.load(Self.lines.joined(separator: "\n") + "\n")
        // Scores by date: 09-09 PHQ-9 10, 09-10 GAD-7 14, 09-11 PHQ-9 9, 09-12 GAD-7 7,
        // 09-13 PHQ-9 9 (panel and members), 09-14 PHQ-9 12 total only.
        let scores = loaded.assessments.map { "\($0.assessedOn) \($0.instrument) \($0.score) \($0.scoring.rawValue)" }
        #expect(scores == ["2026-09-09 PHQ-9 10 complete", "2026-09-10 GAD-7 14 complete", "2026-09-11 PHQ-9 9 complete",
                           "2026-09-12 GAD-7 7 complete", "2026-09-13 PHQ-9 9 complete", "2026-09-14 PHQ-9 12 total_only"])
        #expect(loaded.assessments.allSatisfy { $0.episodeID == "E1" })
        // Lines 2-5 and 17 load one each, 6-16 load as one assessment (11 lines): 16 loaded;
        // 18, 21 and 22 are rejected: 19 lines read by assessments.
        #expect(loaded.lines(.assessments) == 19)
        let issues = loaded.issues.map { "\($0.row) \($0.reason.rawValue) \($0.column ?? "")" }
        #expect(issues == ["18 total_mismatch $.item[9].answer[0]", "21 malformed_row $", "22 malformed_row $"])
        // Lines 1, 19 and 20 make no row: 1 used, 2 skipped; 19 + 1 + 2 = 22 lines.
        #expect(loaded.account.used == ["Patient": 1])
        #expect(loaded.account.skipped == ["Practitioner": 1, "Observation (no instrument of the registry)": 1])
    }

    @Test func aPanelWhoseComponentTotalDisagreesIsRejectedAtTheTotal() throws {
        // Items 1 each (7), the total component says 8.
        let components = LOINCCodes.gad7Items.map {
            #"{"code":{"coding":[\#(Self.coding($0))]},"valueCodeableConcept":{"coding":[\#(Self.coding("LA6569-3"))]}}"#
        } + [#"{"code":{"coding":[\#(Self.coding("70274-6"))]},"valueInteger":8}"#]
        let panel = Self.observation("o1", "2026-09-12", code: "69737-5", #""component":[\#(components.joined(separator: ","))]"#)
        let loaded = try FHIRFixture.load([FHIRFixture.patient, panel].joined(separator: "\n"))
        #expect(loaded.issues.map { "\($0.row) \($0.reason.rawValue) \($0.column ?? "")" }
                == ["2 total_mismatch $.component[7].valueInteger"])
        #expect(loaded.issues.first?.rawLine == panel)
    }

    @Test func aComponentPastTheFirst32IsNamedByItsPosition() throws {
        // 35 components under a code of no registry instrument (body height, passed over), then
        // GAD-7 item 1 answered with a code of no points: the reject names component 35, past the
        // 32 whose paths are made once, as it names component 2 of a panel without the padding.
        let height = #"{"code":{"coding":[\#(Self.coding("8302-2"))]},"valueQuantity":{"value":170}}"#
        let unknown = #"{"code":{"coding":[\#(Self.coding(LOINCCodes.gad7Items[0]))]},"#
            + #""valueCodeableConcept":{"coding":[\#(Self.coding("LA9999-9"))]}}"#
        func panel(padding: Int) -> String {
            let components = Array(repeating: height, count: padding) + [unknown]
            return Self.observation("o\(padding)", "2026-09-12", code: "69737-5",
                                    #""component":[\#(components.joined(separator: ","))]"#)
        }
        let loaded = try FHIRFixture.load([FHIRFixture.patient, panel(padding: 2), panel(padding: 35)]
            .joined(separator: "\n"))
        #expect(loaded.issues.map { "\($0.row) \($0.reason.rawValue) \($0.column ?? "")" }
                == ["2 unknown_code $.component[2].valueCodeableConcept",
                    "3 unknown_code $.component[35].valueCodeableConcept"])
    }

    @Test func anUnknownAnswerCodeIsRejectedAtItsPath() throws {
        let bad = Self.response("2026-09-09", [Self.qrItem("44250-9", #"{"valueCoding":\#(Self.coding("LA9999-9"))}"#)])
        let loaded = try FHIRFixture.load([FHIRFixture.patient, bad].joined(separator: "\n"))
        #expect(loaded.issues.map { "\($0.row) \($0.reason.rawValue) \($0.column ?? "")" }
                == ["2 unknown_code $.item[0].answer[0]"])
    }

    @Test func anUnknownAnswerCodeInAGroupIsRejectedAtItsNestedPath() throws {
        // A group item (no answer, no registry code) holding two items; the second's answer code is unknown.
        let group = #"{"linkId":"group-1","item":[\#(Self.qrItem("44250-9", #"{"valueCoding":\#(Self.coding("LA6568-5"))}"#)),\#(Self.qrItem("44255-8", #"{"valueCoding":\#(Self.coding("LA9999-9"))}"#))]}"#
        let bad = Self.response("2026-09-09", [#"{"linkId":"intro"}"#, group])
        let loaded = try FHIRFixture.load([FHIRFixture.patient, bad].joined(separator: "\n"))
        #expect(loaded.issues.map { "\($0.row) \($0.reason.rawValue) \($0.column ?? "")" }
                == ["2 unknown_code $.item[1].item[1].answer[0]"])
    }

    @Test func aResponseWithItemsOfTwoInstrumentsIsRejectedNamingBoth() throws {
        // A PHQ-9 item, a GAD-7 item, then PHQ-9 again: two instruments, named in order.
        let answer = #"{"valueCoding":\#(Self.coding("LA6568-5"))}"#
        let mixed = Self.response("2026-09-09", [Self.qrItem(LOINCCodes.phq9Items[0], answer),
                                                 Self.qrItem(LOINCCodes.gad7Items[0], answer),
                                                 Self.qrItem(LOINCCodes.phq9Items[1], answer)])
        let loaded = try FHIRFixture.load([FHIRFixture.patient, mixed].joined(separator: "\n"))
        #expect(loaded.issues.map { "\($0.row) \($0.reason.rawValue) \($0.column ?? "") \($0.message)" }
                == ["2 malformed_row $.item the response holds items of GAD-7 and PHQ-9"])
    }

    @Test func aLoadedPatientAndAPseudonymousKeyAreTheCSVOnes() throws {
        // A patient-keyed response goes to the patient's episode exactly as a CSV row with patient_id MRN1 would.
        let csv = try TestFiles.write("patient_id,assessed_on,instrument,total\nMRN1,2026-09-14,PHQ-9,12\n")
        let reader = try TableFileReader(path: csv, displayName: "t.csv", mapping: nil, forcedTable: nil)
        let validator = RecordValidator(table: .assessments, fileName: "t.csv", registry: .builtIn, today: TestFiles.today,
                                        pseudonymizer: FHIRFixture.pseudonymizer, episodes: FHIRFixture.episodes)
        var fromCSV: [Assessment] = []
        try reader.forEachRow(validator: validator) { if case .record(_, .assessment(let a)) = $0 { fromCSV.append(a) } }
        let fhir = Self.observation("o17", "2026-09-14", code: "44249-1", #""valueQuantity":{"value":12}"#)
        let loaded = try FHIRFixture.load([FHIRFixture.patient, fhir].joined(separator: "\n"))
        #expect(fromCSV.count == 1)
        #expect(loaded.assessments == fromCSV)
    }
}
