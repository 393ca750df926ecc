import GRDB
import GRDBSQLite
import OutcomesCore

/// Stores the rows of one file inside its load transaction and keeps the row accounting.
///
/// A row whose natural key is new is *loaded*; an identical repeat is a *duplicate*; the same
/// key with other content is an *update*: the stored version moves to `record_history` and the
/// new one replaces it. In a reload of a file loaded before (`keepsStored`), a row whose natural
/// key is stored is a duplicate whatever its content: a reload adds what is missing and never
/// takes back what a later load changed.
public final class FileLoad {
    let db: Database
    let loadID: Int64
    var summary: LoadSummary
    /// True in a reload: stored rows are left as they are.
    let keepsStored: Bool
    /// Each record table's statements, by `RecordTable` position, made on the table's first row.
    private var writers = [TableWriter?](repeating: nil, count: RecordTable.allCases.count)
    /// Records queued by `add`, all of one table, and the input lines each accounts for (two
    /// lists: the records are lent to `TableWriter.insertAll` as one buffer).
    private var pending: [PreparedRecord] = []
    private var pendingLines: [Int] = []
    private let rejectStatement: Statement

    init(db: Database, loadID: Int64, summary: LoadSummary, keepsStored: Bool = false) throws {
        self.db = db
        self.loadID = loadID
        self.summary = summary
        self.keepsStored = keepsStored
        rejectStatement = try db.makeStatement(sql: """
            INSERT INTO rejected_row (load_id, row_number, column_name, reason, message, raw_line)
            VALUES (?, ?, ?, ?, ?, ?)
            """)
    }

    /// Stores a valid record now and returns where it ended up (records queued by `add` are
    /// stored first). A row the schema refuses throws `StoreError.rowRefused`, naming the file,
    /// the record's row and the column.
    @discardableResult
    public func store(_ record: PreparedRecord) throws -> RowDisposition {
        try flush()
        return try write(record)
    }

    /// Queues a valid record built from `lines` input lines; queued records are stored in order,
    /// `TableWriter.batchRows` at a time, and at the latest when the file's load finishes. Their
    /// dispositions are counted in `summary` then; a refusal throws as `store` does.
    public func add(_ record: PreparedRecord, lines: Int = 1) throws {
        if let queued = pending.first?.table, queued != record.table { try flush() }
        pending.append(record)
        pendingLines.append(lines)
        if pending.count == TableWriter.batchRows { try flush() }
    }

    /// Stores the queued records: a whole batch in one statement up to its first repeat, update
    /// or refusal, and from that row on one by one, as `store` does.
    func flush() throws {
        guard let first = pending.first else { return }
        defer {
            pending.removeAll(keepingCapacity: true)
            pendingLines.removeAll(keepingCapacity: true)
        }
        let writer = try self.writer(for: first.table)
        let inserted: Int
        do {
            inserted = pending.count == TableWriter.batchRows
                ? try pending.withUnsafeBufferPointer { try writer.insertAll($0) } : 0
        } catch let failure as SQLiteFailure {
            throw failure.storeError(file: summary.file, row: first.row, table: writer.table)
        }
        for lines in pendingLines[..<inserted] { summary.count(.loaded, lines: lines) }
        for position in pending.indices.dropFirst(inserted) {
            summary.count(try write(pending[position], countingIt: false), lines: pendingLines[position])
        }
    }

    /// Stores the queued records, then the pack (`EpisodePack`) of the last episode whose rows
    /// this load wrote and those of the episodes too large to merge (`EpisodePackBuilder`): the
    /// last step of a file's load, inside its transaction.
    func finish() throws {
        try flush()
        for writer in writers { try writer?.finishPacks() }
    }

    /// How many runs of rows this load merged into an episode's stored pack, once it has finished
    /// (the others' packs were built from the rows written alone: `EpisodePackBuilder`).
    var mergedRuns: Int { writers.reduce(0) { $0 + ($1?.mergedRuns ?? 0) } }
    /// How many episodes' packs this load rebuilt from the table, too large to merge in memory.
    var rebuiltEpisodes: Int { writers.reduce(0) { $0 + ($1?.rebuiltEpisodes ?? 0) } }

    /// Stores one record through its table's single-row statements.
    private func write(_ record: PreparedRecord, countingIt: Bool = true) throws -> RowDisposition {
        let writer = try self.writer(for: record.table)
        let disposition: RowDisposition
        do {
            disposition = try writer.write(record.values)
        } catch let failure as SQLiteFailure {
            throw failure.storeError(file: summary.file, row: record.row, table: writer.table)
        }
        if countingIt { summary.count(disposition) }
        return disposition
    }

    private func writer(for table: RecordTable) throws -> TableWriter {
        if let writer = writers[table.rawValue] { return writer }
        let made = try TableWriter(db: db, table: table.stored, pack: table.pack, loadID: loadID,
                                   keepsStored: keepsStored)
        writers[table.rawValue] = made
        return made
    }

    /// Records a rejected row in `rejected_row`.
    public func reject(_ issue: IngestIssue) throws {
        let statement = rejectStatement.sqliteStatement
        sqlite3_reset(statement)
        statement.bind(.integer(loadID), at: 1)
        statement.bind(.integer(Int64(issue.row)), at: 2)
        statement.bind(SQLValue(issue.column), at: 3)
        statement.bind(.text(issue.reason.rawValue), at: 4)
        statement.bind(.text(issue.message), at: 5)
        statement.bind(.text(issue.rawLine), at: 6)
        do {
            try step(statement)
        } catch let failure {
            guard failure.isConstraint else { throw StoreError.sqlite(message: failure.message) }
            throw StoreError.rowRefused(RefusedRow(file: summary.file, row: issue.row, table: "rejected_row",
                                                   column: nil, rule: failure.message))
        }
        summary.rejectsByReason[issue.reason, default: 0] += 1
    }
}

/// Steps a write statement to completion; throws an `SQLiteFailure` (which the caller turns
/// into a `StoreError` naming the file and row) when SQLite stops short.
func step(_ statement: OpaquePointer) throws(SQLiteFailure) {
    let code = sqlite3_step(statement)
    guard code == SQLITE_DONE else {
        let message = String(cString: sqlite3_errmsg(sqlite3_db_handle(statement)))
        sqlite3_reset(statement)
        throw SQLiteFailure(code: code, message: message)
    }
}
