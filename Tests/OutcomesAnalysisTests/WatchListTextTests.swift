import OutcomesCore
import Testing
@testable import OutcomesAnalysis

/// `analyze --watch-list`: the list in its order, as a stamped table, CSV and JSON.
@Suite("Watch list output")
struct WatchListTextTests {
    /// Active at the end of October, in two tracks, listed here in admission order:
    ///   a (sud, key pz):      three no-shows in a row           -> disengagement (least urgent)
    ///   b (sud, key =py):     PHQ-9 10 -> 16 and three no-shows -> reliable deterioration; disengagement
    ///   c (adult-mh, key px): three no-shows                    -> disengagement
    ///   d (sud, key pw):      self_harm on Oct 12               -> safety event (most urgent)
    /// So: adult-mh first (c), then sud by urgency: d (safety), b (deterioration), a (missed only).
    static func list() -> WatchListText {
        let noShows = { (id: String) in
            ["2026-10-05", "2026-10-06", "2026-10-07"].map { Fixture.session(id, $0, .noShow) }
        }
        let dataset = AnalysisDataset(episodes: [
            Fixture.episode("a", patient: "pz", program: "sud", admitted: "2026-10-01"),
            Fixture.episode("b", patient: "=py", program: "sud", admitted: "2026-10-01"),
            Fixture.episode("c", patient: "px", program: "adult-mh", admitted: "2026-10-01"),
            Fixture.episode("d", patient: "pw", program: "sud", admitted: "2026-10-01"),
        ], sessions: noShows("a") + noShows("b") + noShows("c"),
           assessments: [Fixture.score("b", "2026-10-01", 10), Fixture.score("b", "2026-10-20", 16)],
           events: [Fixture.event("pw", "2026-10-12", .selfHarm)])
        let result = Analysis.analyze(dataset, options: AnalysisOptions(period: Fixture.october))
        let keys = dataset.patientKeys(ofEpisodes: Set(result.watchList.entries.map(\.episodeID)))
        return WatchListText(result.watchList, keys: keys, period: Fixture.october)
    }

    @Test("CSV: by track, then the most urgent first; reasons most urgent first; a key starting '=' is made inert")
    func csv() {
        #expect(Self.list().csv == """
            patient_key,episode_id,track,reasons,instruments\r
            px,c,adult-mh,disengagement,\r
            pw,d,sud,safety_event,\r
            '=py,b,sud,reliable_deterioration;disengagement,PHQ-9\r
            pz,a,sud,disengagement,\r

            """)
    }

    @Test("JSON: reasons and instruments as lists")
    func json() {
        let json = Self.list().json
        #expect(json.contains("""
            {"patient_key": "=py", "episode_id": "b", "track": "sud", \
            "reasons": ["reliable_deterioration", "disengagement"], "instruments": ["PHQ-9"]}
            """))
        #expect(json.contains(#""period": {"from": "2026-10-01", "to": "2026-10-31"}"#))
        #expect(json.components(separatedBy: "\"episode_id\"").count == 5)
    }

    @Test("Table: stamped as protected health information above and below, with the count")
    func table() {
        let lines = Self.list().table.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == ExplanationText.phiStamp && lines.dropLast().last == ExplanationText.phiStamp)
        #expect(lines.contains("Watch list: active episodes at the end of 2026-10-31 that meet a rule: 4"))
        #expect(lines.contains { $0.hasPrefix("pw") && $0.contains("safety_event") })
    }
}
