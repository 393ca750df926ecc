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

    static func texts(_ inputs: ReportInputs, maxRows: Int? = nil) -> [String] {
        var definition = ReportBuilderTests.definition(.internal, tables: [])
        definition.sections[0].blocks.append(.table(TableRequest(kind: .watchList, maxRows: maxRows)))
        return ReportBuilder(definition: definition, inputs: inputs, measurer: FixedWidthTextMeasurer())
            .build().pages.flatMap(\.textRuns).map(\.text)
    }

    static func keys(_ texts: [String]) -> [String] { texts.filter { $0.count == 12 && $0.allSatisfy(\.isHexDigit) } }

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

    @Test("With max_rows, the most urgent entries in the list's order, all counted, and the way to the whole list")
    func aLongListShowsItsMostUrgent() {
        // Ranked: E3 (a safety event); then reliable deterioration: E5 (2 reasons) before E4 (1);
        // then E1 (rising scores), E2 (missed sessions). The first 3 are E3, E5, E4, listed by
        // track: adult-mh E3, E4; sud E5.
        let texts = Self.texts(Self.inputs(), maxRows: 3)
        #expect(Self.keys(texts) == ["c3c3c3c3c3c3", "a4a4a4a4a4a4", "e5e5e5e5e5e5"])
        #expect(texts.indices.contains { Array(texts[$0...].prefix(6)) == ["All tracks", "5", "1", "2", "2", "2"] })
        let text = texts.joined(separator: " ")
        #expect(text.contains("The 3 most urgent of the 5 episodes counted above"))
        #expect(text.contains(
            "iop-outcomes analyze --watch-list --db DATABASE --period 2026-10 --format csv --out FILE."))
    }

    @Test("With max_rows, one track is counted too when the list is cut, and not when it fits")
    func oneTrackCutIsCounted() {
        var inputs = Self.inputs()
        inputs.current.watchList.entries = inputs.current.watchList.entries.filter { $0.program == "adult-mh" }
        // adult-mh: E3 (safety event), E4 (reliable deterioration), E1 (rising scores): 2 are E3, E4.
        let cut = Self.texts(inputs, maxRows: 2)
        #expect(Self.keys(cut) == ["c3c3c3c3c3c3", "a4a4a4a4a4a4"])
        #expect(cut.contains("All tracks"))
        let whole = Self.texts(inputs, maxRows: 3)
        #expect(Self.keys(whole) == ["c3c3c3c3c3c3", "a4a4a4a4a4a4", "b1b1b1b1b1b1"])
        #expect(!whole.contains("All tracks"))
        #expect(!whole.joined(separator: " ").contains("most urgent of"))
    }

    @Test("Cut within one rank, the tracks take turns")
    func tracksTakeTurnsWithinARank() {
        var watchList = Self.inputs().current.watchList
        let safety: [(String, String)] = [("A1", "adult-mh"), ("A2", "adult-mh"), ("A3", "adult-mh"),
                                          ("S1", "sud"), ("S2", "sud")]
        watchList.entries = safety.map {
            WatchEntry(episodeID: $0.0, program: $0.1, reasons: [.safetyEvent], instruments: [])
        }
            + [WatchEntry(episodeID: "S0", program: "sud", reasons: [.safetyEvent, .disengagement], instruments: [])]
        let keys = Dictionary(uniqueKeysWithValues: (safety.map(\.0) + ["S0"]).map { ($0, $0.lowercased()) })
        // S0 ranks first (a safety event and a second reason). Then the single safety events take
        // turns by track: A1 and S1, then A2 and S2; the 4 kept are S0, A1, S1, A2, listed by
        // track and key: adult-mh A1, A2; sud S0, S1 (by urgency, then key: s0 before s1).
        #expect(watchList.mostUrgent(4, keys: keys).map(\.episodeID) == ["A1", "A2", "S0", "S1"])
        // Listed alone, the first 4 would have been A1, A2, A3, S0.
        #expect(watchList.ordered(keys: keys).prefix(4).map(\.episodeID) == ["A1", "A2", "A3", "S0"])
        #expect(watchList.mostUrgent(6, keys: keys).count == 6)
    }

    @Test("The command for the whole list takes a month as --period and any other period as --from and --to")
    func periodArguments() throws {
        let october = Period(from: try #require(Day(iso: "2026-10-01")), to: try #require(Day(iso: "2026-10-31")))
        let quarter = Period(from: try #require(Day(iso: "2026-07-01")), to: try #require(Day(iso: "2026-09-30")))
        #expect(Format.periodArguments(october) == "--period 2026-10")
        #expect(Format.periodArguments(quarter) == "--from 2026-07-01 --to 2026-09-30")
    }
}
