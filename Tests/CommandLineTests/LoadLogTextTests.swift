import OutcomesCore
@testable import OutcomesStore
import Testing
@testable import iop_outcomes

/// `iop-outcomes loads`: the load log for people and machines.
@Suite("load log text")
struct LoadLogTextTests {
    /// Two loads: a clean episodes file, and a sessions file named to trip a spreadsheet, with
    /// 2 + 1 rejects (read 10 = 6 loaded + 1 updated + 0 duplicates + 3 rejected), then reloaded once its
    /// missing episode was loaded (read 10 = 1 loaded + 7 duplicates + 2 rejected).
    static let entries = [
        LoadLogEntry(id: 1, file: "episodes.csv", table: "episodes", sha256: String(repeating: "a", count: 64),
                     read: 4, loaded: 4, updated: 0, duplicates: 0, rejected: 0, loadedAt: "2026-11-01T09:30:00Z",
                     softwareVersion: "0.1.0", parameters: "{}", rejectsByReason: [:]),
        LoadLogEntry(id: 2, file: "=HYPERLINK(x).csv", table: "sessions", sha256: String(repeating: "b", count: 64),
                     read: 10, loaded: 6, updated: 1, duplicates: 0, rejected: 3, loadedAt: "2026-11-02T10:00:00Z",
                     softwareVersion: "0.1.0", parameters: "{}",
                     rejectsByReason: [.unknownEpisode: 1, .futureDate: 2]),
        LoadLogEntry(id: 3, file: "=HYPERLINK(x).csv", table: "sessions", sha256: String(repeating: "b", count: 64),
                     read: 10, loaded: 1, updated: 0, duplicates: 7, rejected: 2, loadedAt: "2026-11-03T10:00:00Z",
                     softwareVersion: "0.1.0", parameters: "{}", rejectsByReason: [.futureDate: 2], reloadOf: 2),
    ]

    @Test("CSV: one row per load, rejects by reason in reason order, a file name starting '=' made inert")
    func csv() {
        let lines = LoadLogText.csv(Self.entries).components(separatedBy: "\r\n")
        #expect(lines[0] == LoadLogText.columns.joined(separator: ","))
        #expect(lines[1] == "1,episodes.csv,episodes,\(String(repeating: "a", count: 64)),4,4,0,0,0,,"
                + "2026-11-01T09:30:00Z,0.1.0,")
        #expect(lines[2] == "2,'=HYPERLINK(x).csv,sessions,\(String(repeating: "b", count: 64)),10,6,1,0,3,"
                + "future_date 2;unknown_episode 1,2026-11-02T10:00:00Z,0.1.0,")
        #expect(lines[3].hasSuffix(",10,1,0,7,2,future_date 2,2026-11-03T10:00:00Z,0.1.0,2"))
        #expect(lines.count == 5 && lines[4].isEmpty)
    }

    @Test("JSON: counts as numbers, rejects by reason as an object")
    func json() {
        let json = LoadLogText.json(Self.entries)
        #expect(json.contains(#""read": 10, "loaded": 6, "updated": 1, "duplicates": 0, "rejected": 3, "#
                              + #""rejects_by_reason": {"future_date": 2, "unknown_episode": 1}"#))
        #expect(json.contains(#""file": "=HYPERLINK(x).csv""#))
        #expect(json.contains(#""software_version": "0.1.0", "reload_of": null}"#))
        #expect(json.contains(#""software_version": "0.1.0", "reload_of": 2}"#))
        #expect(LoadLogText.json([]) == "{\"loads\": [\n]}\n")
    }

    @Test("Table: a line per load with its rejects under it, a reload named; an empty log says so")
    func table() {
        let lines = LoadLogText.table(Self.entries).split(separator: "\n").map(String.init)
        #expect(lines[0].hasPrefix("LOAD  FILE"))
        #expect(lines[2].hasSuffix("3  2026-11-02 10:00"))
        #expect(Array(lines[3...4]) == ["    rejected future_date: 2", "    rejected unknown_episode: 1"])
        #expect(lines[5].hasSuffix("2  2026-11-03 10:00"))
        #expect(Array(lines.suffix(2)) == ["    reload of load 2: rows stored before count as duplicates",
                                           "    rejected future_date: 2"])
        #expect(LoadLogText.table([]) == "No file has been loaded.\n")
    }
}
