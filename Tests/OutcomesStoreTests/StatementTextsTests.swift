import GRDB
import GRDBSQLite
import Testing
@testable import OutcomesStore

/// Text values are bound from blocks that never move while a statement holds them
/// (`StatementTexts`): a value that does not fit in the rest of a block starts the next one, and
/// one longer than a block is bound as a copy.
@Suite("Statement texts")
struct StatementTextsTests {
    @Test func valuesFillBlocksInTurnAndAreReadBackWhole() throws {
        let queue = try DatabaseQueue()
        try queue.read { db in
            let statement = try db.makeStatement(sql: "SELECT ?, ?, ?, ?, ?")
            let handle = statement.sqliteStatement
            // 8-byte blocks: "abc" (3) and "defgh" (5) fill the first block exactly, "ij" starts
            // the second, "é-é" (5 bytes) does not fit in its 6 left and starts a third, and
            // "longer than a block" (19 bytes) is bound as SQLite's own copy
            let texts = StatementTexts(blockSize: 8)
            let values = ["abc", "defgh", "ij", "é-é", "longer than a block"]
            for round in 0..<2 {
                // The second round reuses the blocks after `empty()`
                texts.empty()
                for (index, value) in values.enumerated() {
                    texts.bind(.text(round == 0 ? value : value.uppercased()), to: handle, at: Int32(index + 1))
                }
                #expect(sqlite3_step(handle) == SQLITE_ROW)
                let read = (0..<Int32(values.count)).map { handle.textColumn($0) }
                #expect(read == values.map { round == 0 ? $0 : $0.uppercased() })
                sqlite3_reset(handle)
            }
        }
    }
}
