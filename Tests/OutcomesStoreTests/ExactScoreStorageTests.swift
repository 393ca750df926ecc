import GRDB
import Testing
import OutcomesCore
@testable import OutcomesStore

@Suite("Exact decimal and negative scores in the store")
struct ExactScoreStorageTests {
    let key = String(repeating: "b", count: 64)

    func load(_ db: OutcomesDatabase, _ table: CanonicalTable, _ records: [PreparedRecord], sha: Character) throws {
        _ = try db.loadRun(dryRun: false) { run in
            try run.loadFile(file: "\(table).csv", table: table, sha256: String(repeating: sha, count: 64),
                             parameters: "{}", softwareVersion: "t", loadedAt: "t") { file in
                for record in records { try file.store(record) }
            }
        }
    }

    @Test("Issue 9.6: decimal and negative scores are stored exactly and read back exactly")
    func decimalAndNegativeScoresRoundTrip() throws {
        let db = try OutcomesDatabase.inMemory()
        let day = { (text: String) in Day(iso: text)! }
        try load(db, .episodes, [PreparedRecord(Episode(patientKey: key, episodeID: "E1", program: "sud",
                                                        admissionDate: day("2026-09-01")))], sha: "a")
        // ORS-like: 10.2 + 10.1 = 20.3 (203 tenths); a negative total -7.5 (-75 tenths)
        let ors = Assessment(episodeID: "E1", assessedOn: day("2026-09-02"), instrument: "ORS",
                             items: [Score("10.2"), Score("10.1")], score: Score("20.3")!, scoring: .complete)
        let negative = Assessment(episodeID: "E1", assessedOn: day("2026-09-09"), instrument: "SHIFT",
                                  score: Score("-7.5")!, scoring: .totalOnly)
        try load(db, .assessments, [PreparedRecord(ors), PreparedRecord(negative)], sha: "b")
        var read: [Assessment] = []
        try db.forEachAssessment(includingItems: true) { read.append($0) }
        #expect(read == [ors, negative])
        #expect(read.map(\.score.units) == [203, -75] && read.map(\.score.decimals) == [1, 1])
        #expect(read.first?.items.map { $0?.description } == ["10.2", "10.1"])
    }

    @Test("migration v3 keeps every row stored under v1, with its value")
    func v3KeepsV1Rows() throws {
        let queue = try DatabaseQueue()
        try Migrations.migrator.migrate(queue, upTo: "v1: canonical tables, load log, rejects, history")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO load_log VALUES (1, 'a.csv', 'assessments', '\(String(repeating: "a", count: 64))',
                                             2, 2, 0, 0, 0, 't', 't', '{}');
                INSERT INTO episode (episode_id, patient_key, program, level_of_care, admission_date, load_id)
                    VALUES ('E1', '\(key)', 'sud', 'IOP', '2026-09-01', 1);
                INSERT INTO assessment VALUES ('k1', 'E1', '2026-09-02', 'PHQ-9', '1,2,,3,0,1,2,1,0', 11, 'prorated',
                                               'intake', 1);
                INSERT INTO assessment VALUES ('k2', 'E1', '2026-09-20', 'GAD-7', '', 9, 'total_only', NULL, 1);
                """)
        }
        let db = try OutcomesDatabase(writer: queue)
        var read: [Assessment] = []
        try db.forEachAssessment(includingItems: true) { read.append($0) }
        // v2 re-keys the rows from their parts (episode, instrument, date), so GAD-7 now sorts first
        #expect(read.map(\.instrument) == ["GAD-7", "PHQ-9"])
        #expect(read.map(\.score) == [9, 11] && read.allSatisfy { $0.score.decimals == 0 })
        #expect(read.last?.items == [1, 2, nil, 3, 0, 1, 2, 1, 0])
        #expect(try db.tableCounts()["assessment"] == 2)
    }

    @Test("item responses are stored as their exact decimal text, comma-separated, blank when unanswered")
    func itemResponsesText() {
        let day = Day(iso: "2026-09-02")!
        func text(_ items: [Score?]) -> String {
            Assessment(episodeID: "E1", assessedOn: day, instrument: "X", items: items, score: 0, scoring: .complete)
                .itemResponsesText
        }
        // Whole responses, written digit by digit: 3, blank, 0, 12 and -4 (a negative response).
        #expect(text([3, nil, 0, 12, Score("-4")]) == "3,,0,12,-4")
        // Blank at either end, and one whole response of many digits.
        #expect(text([nil, 1_234_567, nil]) == ",1234567,")
        // Any decimal response keeps every response's own description: 10.2, 7, 0.05.
        #expect(text([Score("10.2"), 7, Score("0.05")]) == "10.2,7,0.05")
        // No responses (a total only) is empty text.
        #expect(text([]) == "")
    }
}
