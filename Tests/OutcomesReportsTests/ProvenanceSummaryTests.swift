import OutcomesReports
import Testing

/// The completeness figure counts each input file once: by its latest load.
@Suite("provenance: each file's latest load")
struct ProvenanceSummaryTests {
    static func load(_ file: String, _ table: String, _ digest: Character, read: Int, loaded: Int, duplicates: Int = 0,
                     rejected: Int, reload: Bool = false) -> ProvenanceEntry {
        ProvenanceEntry(file: file, table: table, sha256: String(repeating: digest, count: 64), read: read,
                        loaded: loaded, updated: 0, duplicates: duplicates, rejected: rejected, rejectsByReason: [],
                        loadedAt: "t", isReload: reload)
    }

    @Test func aReloadReplacesItsFilesEarlierLoad() {
        // Loads in order: e1 (4 read), s (10 read, 3 rejected), e2 (1 read), s again (10 read: 1 loaded,
        // 7 duplicates, 2 rejected). Latest per file: e1, e2, the reload: 2 rejected of 4 + 1 + 10 = 15 read.
        let loads = [
            Self.load("e1.csv", "episodes", "a", read: 4, loaded: 4, rejected: 0),
            Self.load("s.csv", "sessions", "b", read: 10, loaded: 7, rejected: 3),
            Self.load("e2.csv", "episodes", "c", read: 1, loaded: 1, rejected: 0),
            Self.load("s.csv", "sessions", "b", read: 10, loaded: 1, duplicates: 7, rejected: 2, reload: true),
        ]
        let summary = ProvenanceSummary(loads: loads, softwareVersion: "0", command: "test", parameters: [])
        #expect(summary.latestLoads == [loads[0], loads[2], loads[3]])
        #expect(summary.latestLoads.reduce(0) { $0 + $1.rejected } == 2)
        #expect(summary.latestLoads.reduce(0) { $0 + $1.read } == 15)
    }

    @Test func theSameBytesAsAnotherTableAreAnotherFile() {
        let loads = [Self.load("x.csv", "sessions", "a", read: 2, loaded: 2, rejected: 0),
                     Self.load("x.csv", "goals", "a", read: 2, loaded: 0, rejected: 2)]
        let summary = ProvenanceSummary(loads: loads, softwareVersion: "0", command: "test", parameters: [])
        #expect(summary.latestLoads == loads)
    }
}
