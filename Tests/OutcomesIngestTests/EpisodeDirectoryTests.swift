import OutcomesCore
import Testing
@testable import OutcomesIngest

@Suite("Episode directories")
struct EpisodeDirectoryTests {
    /// `TestFiles.episodes` (E1: 2026-09-01 to 2026-10-15; E2: admitted 2026-10-01, active) in
    /// the store's compact directory, ids in byte order.
    static let index: EpisodeSpanIndex = {
        var index = EpisodeSpanIndex()
        for id in ["E1", "E2"] { try! index.append(episode: id, span: TestFiles.episodes.span(ofEpisode: id)!) }
        return index
    }()

    static func outcome(_ result: RowResult) -> String {
        switch result {
        case .record(_, .session(let session)): return session.episodeID
        case .rejected(let issue): return issue.reason.rawValue + "@" + (issue.column ?? "")
        default: return "?"
        }
    }

    @Test("a session's episode is found, or the row rejected, alike with either directory", arguments: [
        ("E1,2026-09-01", "E1"),                               // E1's admission day
        ("E1,2026-10-15", "E1"),                               // E1's discharge day
        ("E1,2026-10-16", "outside_episode@session_date"),     // the day after
        ("E1,2026-08-31", "outside_episode@session_date"),     // the day before admission
        ("E2,2026-10-31", "E2"),                               // an active episode has no end
        ("E2,2026-09-30", "outside_episode@session_date"),     // the day before E2's admission
        ("E3,2026-10-01", "unknown_episode@episode_id"),       // no such episode
        ("E,2026-10-01", "unknown_episode@episode_id"),        // a prefix of both ids
        ("E10,2026-10-01", "unknown_episode@episode_id"),      // an id that E1 begins
        ("e1,2026-10-01", "unknown_episode@episode_id"),       // case counts
    ])
    func sessionsByEpisode(row: String, expected: String) throws {
        let csv = "episode_id,session_date,session_type,status,scheduled_minutes\n\(row),group,attended,180\n"
        let dictionary = try TestFiles.ingest(csv).results.map(Self.outcome)
        let compact = try TestFiles.ingest(csv, episodes: Self.index).results.map(Self.outcome)
        #expect(dictionary == [expected])
        #expect(compact == [expected])
    }

    @Test func theRememberedEpisodeIsOnlyEverTheOneAskedFor() {
        let recent = RecentEpisodeDirectory(Self.index)
        let (e1, e2) = (Self.index.span(ofEpisode: "E1"), Self.index.span(ofEpisode: "E2"))
        #expect(e1 != e2)
        // E1, E1 again (remembered), E2, an unknown id (nil; E2 stays remembered), E2, E1: each its own span.
        let asked = ["E1", "E1", "E2", "E3", "E2", "E1", ""]
        #expect(asked.map { recent.span(ofEpisode: $0) } == [e1, e1, e2, nil, e2, e1, nil])
        #expect(recent.episodes(ofPatient: "nobody").isEmpty)
    }

    @Test func theRememberedPatientIsOnlyEverTheOneAskedFor() throws {
        // P1 has E1, P2 has E2 (pseudonyms as the store files them: 64 hex digits).
        let (p1, p2) = (String(repeating: "1", count: 64), String(repeating: "2", count: 64))
        var index = Self.index
        try index.append(patient: p1, episode: "E1")
        try index.append(patient: p2, episode: "E2")
        let recent = RecentEpisodeDirectory(index)
        // P1, P1 again (remembered), P2, an unknown patient (none), P2 again, P1: each its own episodes.
        let asked = [p1, p1, p2, "nobody", p2, p1]
        let found = asked.map { recent.episodes(ofPatient: $0).keys.sorted() }
        #expect(found == [["E1"], ["E1"], ["E2"], [], ["E2"], ["E1"]])
    }
}
