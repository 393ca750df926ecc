import GRDB
import GRDBSQLite
import OutcomesCore

/// The rows of a table that analysis reads by the million, kept a second time packed into one
/// blob per episode (issue 13, item 2, a "mart" maintained at load time). Reading 6.7 million
/// sessions as rows cost SQLite 1.8 to 2.4 s of CPU on a 200,000-episode network, nearly all of
/// it per-row work; the same facts as 200,000 blobs read in a small fraction of that.
///
/// The rows stay the record of truth, with their natural keys, history and constraints; a pack
/// is kept equal to them, inside the load's transaction, for every episode a file load wrote to
/// (`EpisodePackBuilder`: built from the rows written, or rebuilt from the rows read back), and
/// built for every episode by the migration that adds the packs.
protocol EpisodePack {
    /// The table whose rows are packed.
    static var table: String { get }
    /// The table of packs: `episode_no INTEGER PRIMARY KEY`, `facts BLOB`.
    static var packTable: String { get }
    /// The packed columns after `episode_no` (result column 0) and the natural key (column 1),
    /// in the order `append` reads them.
    static var columns: String { get }
    /// The order of an episode's rows in its pack, after `episode_no`: the order readers see.
    static var order: String { get }
    /// The pack format: the first byte of every pack.
    static var version: UInt8 { get }
    /// Appends the row's packed columns (result columns 2 on) to `pack`; `previousDay` is the
    /// day of the episode's previous row (0 for its first), days being packed as differences.
    static func append(_ row: PackedRow, to pack: inout PackWriter, previousDay: inout Int64)
        throws(UndecodableColumn)
}

/// A row `EpisodePack.append` packs: read back from its table, or as a load has just written it
/// (`EpisodePackBuilder`). One concrete type, so that each pack's `append` is compiled for it.
enum PackedRow: RowColumns {
    case read(ResultReader)
    case written(WrittenRow)

    func isNull(_ index: Int32) -> Bool {
        switch self {
        case .read(let row): return row.isNull(index)
        case .written(let row): return row.isNull(index)
        }
    }

    func integer(_ index: Int32) -> Int64? {
        switch self {
        case .read(let row): return row.integer(index)
        case .written(let row): return row.integer(index)
        }
    }

    func number(_ index: Int32) -> Double? {
        switch self {
        case .read(let row): return row.number(index)
        case .written(let row): return row.number(index)
        }
    }

    func text(_ index: Int32) -> String? {
        switch self {
        case .read(let row): return row.text(index)
        case .written(let row): return row.text(index)
        }
    }
}

extension EpisodePack {
    /// The SQL that makes the pack table.
    static var createTable: String {
        "CREATE TABLE \(packTable) (episode_no INTEGER PRIMARY KEY REFERENCES episode(episode_no), facts BLOB NOT NULL);"
    }

    /// Rebuilds the packs of the episodes numbered `episodes` from their rows: an episode left
    /// with no rows has no pack. A row that does not decode fails the rebuild
    /// (`StoreError.unreadableRows`, naming the row), so no pack is ever built from part of one.
    static func refresh(_ db: Database, episodes: some Sequence<Int64>) throws {
        let remove = try db.cachedStatement(sql: "DELETE FROM \(packTable) WHERE episode_no BETWEEN ? AND ?")
        for range in consecutiveRuns(episodes) {
            let bounds: [SQLValue] = [.integer(range.lowerBound), .integer(range.upperBound)]
            try run(remove.sqliteStatement, bounds)
            var episode: Int64?
            var pack = PackWriter(version: version)
            var previousDay: Int64 = 0
            func storePack() throws {
                guard let episode else { return }
                try store(db, episode: episode, facts: pack.bytes)
                pack = PackWriter(version: version)
                previousDay = 0
            }
            try ResultReader.forEachRecord(db, table: table, keyColumn: "natural_key", keyIndex: 1, sql: """
                SELECT episode_no, natural_key, \(columns) FROM \(table)
                WHERE episode_no BETWEEN ? AND ? ORDER BY episode_no, \(order)
                """, arguments: bounds) { row in
                let number = Int64(try row.requiredInt(0))
                if number != episode {
                    try storePack()
                    episode = number
                }
                try append(.read(row), to: &pack, previousDay: &previousDay)
            }
            try storePack()
        }
    }

    /// Stores `facts` as the pack of the episode numbered `episode`, which has none.
    static func store(_ db: Database, episode: Int64, facts: [UInt8]) throws {
        let insert = try db.cachedStatement(sql: "INSERT INTO \(packTable) (episode_no, facts) VALUES (?, ?)")
        try run(insert.sqliteStatement, [.integer(episode)], blob: facts)
    }

    /// Rebuilds every episode's pack.
    static func refreshAll(_ db: Database) throws {
        try db.execute(sql: "DELETE FROM \(packTable)")
        try refresh(db, episodes: Int64.fetchAll(db, sql: "SELECT DISTINCT episode_no FROM \(table) ORDER BY 1"))
    }

    /// Calls `decode` with each pack of the episodes numbered in `episodes`, in episode order. A
    /// pack `decode` finds malformed is counted; after the last, the read throws
    /// `StoreError.unreadableRows` naming the first such pack by its position in the pack table.
    static func forEachPack(
        _ db: Database, ofEpisodes episodes: [ClosedRange<Int64>],
        _ decode: (_ episode: Int64, _ reader: inout PackReader) throws -> Void
    ) throws {
        for range in episodes {
            try ResultReader.forEachRecord(db, table: packTable, keyColumn: "episode_no", keyIndex: 0, sql: """
                SELECT episode_no, facts FROM \(packTable) WHERE episode_no BETWEEN ? AND ?
                """, arguments: [.integer(range.lowerBound), .integer(range.upperBound)]) { row in
                let episode = Int64(try row.requiredInt(0))
                try row.withBlob(1) { bytes throws in
                    do {
                        var reader = try PackReader(bytes, version: version)
                        try decode(episode, &reader)
                    } catch is MalformedPack {
                        throw UndecodableColumn(index: 1)
                    }
                }
            }
        }
    }

    /// Steps a write statement with `values` bound from parameter 1, then `blob` after them.
    private static func run(_ statement: OpaquePointer, _ values: [SQLValue], blob: [UInt8]? = nil) throws {
        sqlite3_reset(statement)
        for (index, value) in values.enumerated() { statement.bind(value, at: Int32(index + 1)) }
        if let blob {
            blob.withUnsafeBytes {
                _ = sqlite3_bind_blob(statement, Int32(values.count + 1), $0.baseAddress, Int32($0.count), transient)
            }
        }
        do {
            try step(statement)
        } catch {
            throw StoreError.sqlite(message: "cannot rebuild \(packTable): \(error.message)")
        }
    }
}

/// `numbers` as runs of consecutive numbers, ascending (repeats ignored): `[5, 1, 2, 3, 9]`
/// gives `1...3, 5...5, 9...9`. Rows are clustered by episode number, so each run is one range read.
/// Numbers already ascending (a loader's, read in `episode_no` order) are not sorted: sorting and
/// merging 200,000 of them one range at a time took 20 ms before the loading threads could start.
public func consecutiveRuns(_ numbers: some Sequence<Int64>) -> [ClosedRange<Int64>] {
    var ascending = Array(numbers)
    if zip(ascending, ascending.dropFirst()).contains(where: { $0 > $1 }) { ascending.sort() }
    var runs: [ClosedRange<Int64>] = []
    var index = ascending.startIndex
    while index < ascending.endIndex {
        let first = ascending[index]
        var last = first
        index += 1
        while index < ascending.endIndex, ascending[index] <= last + 1 {
            last = ascending[index]
            index += 1
        }
        runs.append(first...last)
    }
    return runs
}

extension ResultReader {
    /// Calls `body` with the bytes of blob column `index` (empty for an empty or NULL blob).
    func withBlob<T>(_ index: Int32, _ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
        // The blob first, then its size: SQLite's documented order.
        let start = sqlite3_column_blob(statement, index)
        let count = Int(sqlite3_column_bytes(statement, index))
        return try body(UnsafeRawBufferPointer(start: start, count: count))
    }
}
