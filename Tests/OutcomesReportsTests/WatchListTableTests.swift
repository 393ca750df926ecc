import OutcomesCore
import OutcomesTestSupport
import Testing
@testable import OutcomesAnalysis
@testable import OutcomesReports

/// The watch list as a report prints it: by track, the most urgent first, counted by track.
@Suite("watch list table")
struct WatchListTableTests {
    /// Five watched episodes in two tracks, listed in no useful order, with their pseudonyms.
    static func inputs() -> ReportInputs {
        var inputs = ReportBuilderTests.inputs()
        let watched: [(id: String, track: String, reasons: [WatchReason], key: String)] = [
            ("E1", "adult-mh", [.risingScores], "b1b1b1b1b1b1"),
            ("E2", "sud", [.disengagement], "d2d2d2d2d2d2"),
            ("E3", "adult-mh", [.disengagement, .safetyEvent], "c3c3c3c3c3c3"),
            ("E4", "adult-mh", [.reliableDeterioration], "a4a4a4a4a4a4"),
            ("E5", "sud", [.reliableDeterioration, .risingScores], "e5e5e5e5e5e5"),
        ]
        inputs.current.watchList.entries = watched.map {
            WatchEntry(episodeID: $0.id, program: $0.track, reasons: $0.reasons, instruments: [])
        }
        inputs.patientKeys = Dictionary(uniqueKeysWithValues: watched.map { ($0.id, $0.key + "00") })
        return inputs
    }

    static func texts(_ inputs: ReportInputs) -> [String] {
        ReportBuilder(definition: ReportBuilderTests.definition(.internal, tables: [.watchList]), inputs: inputs,
                      measurer: FixedWidthTextMeasurer()).build().pages.flatMap(\.textRuns).map(\.text)
    }

    @Test("A network's watch list: by track, then the most urgent reason first, then by key")
    func listedByTrackThenUrgency() {
        let texts = Self.texts(Self.inputs())
        let keys = texts.filter { $0.count == 12 && $0.allSatisfy(\.isHexDigit) }
        // adult-mh: E3 (safety event), E4 (reliable deterioration), E1 (rising scores);
        // sud: E5 (reliable deterioration, before its rising scores), E2 (missed sessions only)
        #expect(keys == ["c3c3c3c3c3c3", "a4a4a4a4a4a4", "b1b1b1b1b1b1", "e5e5e5e5e5e5", "d2d2d2d2d2d2"])
        // and each entry's reasons the most urgent first (E3 has missed sessions and a safety event)
        #expect(texts.joined(separator: " ").contains("safety event this month; 3+ missed sessions in a row"))
        #expect(texts.contains("reliable deterioration; rising scores"))
    }

    @Test("With two tracks, entries are counted per track and reason, and in all")
    func countedByTrackAndReason() {
        let texts = Self.texts(Self.inputs())
        // Columns: track, episodes, safety event, reliable deterioration, rising scores, 3+ missed.
        // adult-mh: 3 episodes (E1, E3, E4); E3 safety; E4 deterioration; E1 rising; E3 missed.
        // sud: 2 (E2, E5); none; E5; E5; E2. All: 5; 1; 2; 2; 2.
        for row in [["adult-mh", "3", "1", "1", "1", "1"], ["sud", "2", "0", "1", "1", "1"],
                    ["All tracks", "5", "1", "2", "2", "2"]] {
            #expect(texts.indices.contains { Array(texts[$0...].prefix(row.count)) == row }, "row \(row)")
        }
    }

    @Test("One track: no count table, only the list")
    func oneTrackHasNoCounts() {
        var inputs = Self.inputs()
        inputs.current.watchList.entries = inputs.current.watchList.entries.filter { $0.program == "sud" }
        let texts = Self.texts(inputs)
        #expect(!texts.contains("All tracks"))
        #expect(texts.filter { $0.count == 12 && $0.allSatisfy(\.isHexDigit) } == ["e5e5e5e5e5e5", "d2d2d2d2d2d2"])
    }
}
