import Foundation
import Testing
import OutcomesCore
@testable import OutcomesIngest

@Suite("Instrument files")
struct InstrumentFileTests {
    /// `Docs/instruments-example.yaml`.
    static var examplePath: String { TestFiles.documentation("instruments-example.yaml") }

    @Test func loadsTheDocumentedExample() throws {
        let instruments = try InstrumentFile.load(path: Self.examplePath, displayName: "instruments-example.yaml")
        #expect(instruments.map(\.code) == ["K10", "PHQ-2", "GAD-7"])
        let k10 = instruments[0]
        #expect(k10.itemCount == 10 && k10.itemValues[0] == [1, 2, 3, 4, 5] && k10.totalRange == 10...50)
        #expect(k10.bands.map(\.label) == ["low", "moderate", "high", "very high"])
        #expect(k10.missingItemRule == .prorate(maxMissing: 1))
        #expect(instruments[1].loincPanel == "55757-9" && instruments[1].missingItemRule == .strict)
        // the GAD-7 override changes only its missing-item rule
        let gad7 = instruments[2]
        #expect(gad7.missingItemRule == .strict)
        #expect(gad7.casenessCutoff == 8 && gad7.reliableChangePoints == 4 && gad7.itemCount == 7)
    }

    @Test func overridesTakeEffectInValidation() throws {
        let registry = try InstrumentFile.registry(path: Self.examplePath)
        // strict GAD-7 now rejects a single missing item
        let csv = "episode_id,assessed_on,instrument,item_1,item_2,item_3,item_4,item_5,item_6,item_7,total\n"
            + "E2,2026-10-02,GAD-7,2,2,2,,2,2,2,\n"
        let results = try TestFiles.ingest(csv, registry: registry).results
        guard case .rejected(let issue) = results.first else { Issue.record("expected a reject"); return }
        #expect(issue.reason == .tooManyMissingItems)
        // K10: items 1..5 each twice: 2 x (1+2+3+4+5) = 30 -> very high
        let k10 = try #require(try TestFiles.record(
            "episode_id,assessed_on,instrument,item_1,item_2,item_3,item_4,item_5,item_6,item_7,item_8,item_9,item_10\n"
            + "E2,2026-10-02,K10,1,2,3,4,5,1,2,3,4,5\n", registry: registry))
        guard case .assessment(let assessment) = k10 else { Issue.record("expected an assessment"); return }
        #expect(assessment.score == 30)
    }

    @Test func perItemValues() throws {
        let yaml = """
            instruments:
              - code: MINI-AUDIT
                name: Three-item screen
                items: {count: 3, range: [0, 4], values: {3: [0, 2, 4]}}
                total_range: [0, 12]
            """
        let instruments = try InstrumentFile.load(path: try TestFiles.write(yaml, suffix: ".yaml"))
        #expect(instruments.first?.itemValues == [[0, 1, 2, 3, 4], [0, 1, 2, 3, 4], [0, 2, 4]])
        #expect(instruments.first?.missingItemRule == .strict)
    }

    @Test(arguments: [
        ("instruments:\n  - code: X1\n    name: X\n    items: {count: 2, range: [0, 3]}\n    total: [0, 6]\n", 5, "unknown key 'total'"),
        ("instruments:\n  - code: X1\n    name: X\n    items: {count: 2, range: [0, 3]}\n", 2, "needs total_range"),
        ("instruments:\n  - code: X1\n    name: X\n    items: {count: 2, range: [3, 0]}\n    total_range: [0, 6]\n", 4, "[low, high]"),
        ("instruments:\n  - code: GAD-7\n    missing_items: {rule: prorate}\n", 3, "missing_items must be"),
        ("instruments:\n  - code: GAD-7\n    direction: up\n", 3, "direction must be"),
        ("instruments:\n  - code: GAD-7\n    reverse_scored: [8]\n", 2, "reverse-scored item 8"),
        ("instruments:\n  - code: GAD-7\n    reliability: high\n", 3, "must be a number"),
        ("instruments:\n  - code: PHQ-9\n  - code: PHQ-9\n", 3, "defined twice"),
    ])
    func errorsNameFileAndLine(yaml: String, line: Int, fragment: String) throws {
        let path = try TestFiles.write(yaml, suffix: ".yaml")
        do {
            _ = try InstrumentFile.load(path: path, displayName: "instruments.yaml")
            Issue.record("expected an error")
        } catch let error as IngestFileError {
            #expect(error.file == "instruments.yaml")
            #expect(error.line == line, "\(error)")
            #expect(error.message.contains(fragment), "\(error)")
        }
    }
}

@Suite("Instrument files: LOINC item and answer codes")
struct InstrumentLOINCTests {
    @Test func itemAnswerAndUnscoredCodesAreRead() throws {
        let yaml = """
            instruments:
              - code: PHQ-2
                name: Patient Health Questionnaire-2
                items: {count: 2, range: [0, 3]}
                total_range: [0, 6]
                loinc: {panel: "55757-9", total: "55758-7", items: ["44250-9", "44255-8"],
                        answers: {"LA6568-5": 0, "LA6569-3": 1, "LA6570-1": 2, "LA6571-9": 3}, unscored: ["69722-7"]}
            """
        let path = try TestFiles.write(yaml, suffix: ".yaml")
        let phq2 = try #require(try InstrumentFile.load(path: path, displayName: "i.yaml").first)
        #expect(phq2.loincItems == ["44250-9", "44255-8"])
        #expect(phq2.loincAnswers["LA6570-1"] == 2)
        #expect(phq2.loincUnscored == ["69722-7"])
        var registry = InstrumentRegistry([])
        registry.register([phq2])
        #expect(LOINCIndex(registry).role("44255-8") == .item("PHQ-2", 2))
        #expect(LOINCIndex(registry).role("55758-7") == .total("PHQ-2"))
    }

    @Test func aWrongNumberOfItemCodesNamesTheLine() throws {
        let yaml = "instruments:\n  - code: PHQ-9\n    loinc: {items: [\"44250-9\"]}\n"
        let path = try TestFiles.write(yaml, suffix: ".yaml")
        #expect(throws: IngestFileError.self) { try InstrumentFile.load(path: path, displayName: "i.yaml") }
    }
}
