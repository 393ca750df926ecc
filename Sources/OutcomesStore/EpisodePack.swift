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
/// (`EpisodePackBuilder`: built from the rows written, merged into the stored pack when the
/// episode has one), and built for every episode by the migrations that add the packs (v6) and
/// their keys (v8). Since v8 each pack has the natural keys of its rows beside it, in its key
/// table, in pack order (`NaturalKeyList`): the record tables are keyed by natural key alone, so
/// an episode's rows are no longer one range read, and a load merges into the pack instead.
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
    /// Reads back the columns `append` packed for one row, appending them to `row` as the values
    /// `append` read (result columns 2 on): packing them again gives the same bytes.
    static func decodeColumns(_ pack: inout PackReader, previousDay: inout Int64, into row: inout [SQLValue])
        throws(MalformedPack)
}

/// A row `EpisodePack.append` packs: read back from its table, or as a load has just written it
/// (`EpisodePackBuilder`), kept in a run (`written`) or read where it was bound (`bound`). One
/// concrete type, so that each pack's `append` is compiled for it.
enum PackedRow: RowColumns {
    case read(ResultReader)
    case written(WrittenRow)
    case bound(BoundRow)

    @inline(__always)
    func isNull(_ index: Int32) -> Bool {
        switch self {
        case .read(let row): return row.isNull(index)
        case .written(let row): return row.isNull(index)
        case .bound(let row): return row.isNull(index)
        }
    }

    @inline(__always)
    func integer(_ index: Int32) -> Int64? {
        switch self {
        case .read(let row): return row.integer(index)
        case .written(let row): return row.integer(index)
        case .bound(let row): return row.integer(index)
        }
    }

    func number(_ index: Int32) -> Double? {
        switch self {
        case .read(let row): return row.number(index)
        case .written(let row): return row.number(index)
        case .bound(let row): return row.number(index)
        }
    }

    func text(_ index: Int32) -> String? {
        switch self {
        case .read(let row): return row.text(index)
        case .written(let row): return row.text(index)
        case .bound(let row): return row.text(index)
        }
    }
}

extension EpisodePack {
    /// The SQL that makes the pack table.
    static var createTable: String {
        "CREATE TABLE \(packTable) (episode_no INTEGER PRIMARY KEY REFERENCES episode(episode_no), facts BLOB NOT NULL);"
    }

    /// The SQL that makes the table of the packs' natural keys (`NaturalKeyList`), since v8.
    static var createKeyTable: String {
        """
        CREATE TABLE \(keyTable) (episode_no INTEGER PRIMARY KEY REFERENCES episode(episode_no), \
        natural_keys BLOB NOT NULL);
        """
    }

    /// The table of each pack's natural keys, in pack order.
    static var keyTable: String { "\(packTable)_key" }

    /// Rebuilds every episode's pack (and, with `keyLists`, its list of natural keys) from the
    /// rows: a migration's step, and what the packs a load keeps are checked against. A row that
    /// does not decode fails the rebuild (`StoreError.unreadableRows`, naming the row), so no pack
    /// is ever built from part of one.
    static func refreshAll(_ db: Database, keyLists: Bool = true) throws {
        try db.execute(sql: "DELETE FROM \(packTable)")
        if keyLists { try db.execute(sql: "DELETE FROM \(keyTable)") }
        try rebuild(db, filter: "", keyLists: keyLists)
    }

    /// Rebuilds the packs and key lists of the episodes numbered `episodes` from their rows, in
    /// one scan of the table (since v8 it is not clustered by episode): what a load does for an
    /// episode too large to merge in memory (`EpisodePackBuilder`). An episode left with no rows
    /// has no pack.
    static func refresh(_ db: Database, episodes: Set<Int64>) throws {
        // Integers, written into the statement: an IN list, which SQLite looks up in a temporary index
        let list = episodes.sorted().map(String.init).joined(separator: ", ")
        for table in [packTable, keyTable] { try db.execute(sql: "DELETE FROM \(table) WHERE episode_no IN (\(list))") }
        try rebuild(db, filter: "WHERE episode_no IN (\(list))", keyLists: true)
    }

    /// Packs the rows `filter` selects (all when empty), episode after episode, into their packs.
    private static func rebuild(_ db: Database, filter: String, keyLists: Bool) throws {
        var episode: Int64?
        var pack = PackWriter(version: version)
        var keys: [String] = []
        var previousDay: Int64 = 0
        func storePack() throws {
            guard let episode else { return }
            try store(db, episode: episode, facts: pack.bytes, keys: keyLists ? NaturalKeyList.encode(keys) : nil)
            pack = PackWriter(version: version)
            keys.removeAll()
            previousDay = 0
        }
        try ResultReader.forEachRecord(db, table: table, keyColumn: "natural_key", keyIndex: 1, sql: """
            SELECT episode_no, natural_key, \(columns) FROM \(table) \(filter) ORDER BY episode_no, \(order)
            """) { row in
            let number = Int64(try row.requiredInt(0))
            if number != episode {
                try storePack()
                episode = number
            }
            try append(.read(row), to: &pack, previousDay: &previousDay)
            keys.append(row.string(1))
        }
        try storePack()
    }

    /// Stores `facts` as the pack of the episode numbered `episode`, replacing the one it has,
    /// and `keys` (a `NaturalKeyList`) as its keys when given.
    static func store(_ db: Database, episode: Int64, facts: [UInt8], keys: [UInt8]?) throws {
        let packs = try db.cachedStatement(sql: """
            INSERT INTO \(packTable) (episode_no, facts) VALUES (?, ?)
            ON CONFLICT (episode_no) DO UPDATE SET facts = excluded.facts
            """)
        try run(packs.sqliteStatement, [.integer(episode)], blob: facts)
        guard let keys else { return }
        let keyLists = try db.cachedStatement(sql: """
            INSERT INTO \(keyTable) (episode_no, natural_keys) VALUES (?, ?)
            ON CONFLICT (episode_no) DO UPDATE SET natural_keys = excluded.natural_keys
            """)
        try run(keyLists.sqliteStatement, [.integer(episode)], blob: keys)
    }

    /// Removes the pack and the keys of the episode numbered `episode`: it has no rows left.
    static func remove(_ db: Database, episode: Int64) throws {
        for table in [packTable, keyTable] {
            let statement = try db.cachedStatement(sql: "DELETE FROM \(table) WHERE episode_no = ?")
            try run(statement.sqliteStatement, [.integer(episode)])
        }
    }

    /// Appends to `rows` the rows of the episode numbered `episode` as its pack and key list
    /// hold them, in pack order, each as its result columns (`episode_no`, `natural_key`, then
    /// `columns` as `decodeColumns` gives them); returns how many (0 when it has no pack), or nil,
    /// and none appended, when there are more than `limit`. A pack without a key list, a
    /// pack or key list that does not decode, or a pack of other than one row per key throws:
    /// merging with what it cannot read would lose rows from the pack.
    static func appendStoredRows(_ db: Database, episode: Int64, to rows: inout [SQLValue], limit: Int) throws
        -> Int? {
        var count: Int? = 0
        try ResultReader.forEach(db, sql: """
            SELECT p.facts, k.natural_keys FROM \(packTable) p LEFT JOIN \(keyTable) k USING (episode_no)
            WHERE p.episode_no = ?
            """, arguments: [.integer(episode)]) { row in
            count = try row.withBlob(0) { facts in
                try row.withBlob(1) { keys in
                    do {
                        return try appendRows(facts: facts, keys: keys, episode: episode, to: &rows, limit: limit)
                    } catch {
                        throw StoreError.sqlite(message: "the \(packTable) of episode \(episode) does not decode")
                    }
                }
            }
        }
        return count
    }

    /// Appends to `rows` the rows that pack `facts` and key list `keys` of the episode numbered
    /// `episode` hold, as `appendStoredRows` does; returns how many, or nil, and none appended,
    /// when there are more than `limit`. Bytes that do not decode, or a pack of other than one row
    /// per key, throw `MalformedPack`.
    static func appendRows(facts: UnsafeRawBufferPointer, keys keyBytes: UnsafeRawBufferPointer, episode: Int64,
                           to rows: inout [SQLValue], limit: Int = .max) throws(MalformedPack) -> Int? {
        guard let keys = try NaturalKeyList.decode(keyBytes, limit: limit) else { return nil }
        var pack = try PackReader(facts, version: version)
        var previousDay: Int64 = 0
        for key in keys {
            rows.append(.integer(episode))
            rows.append(.text(key))
            try decodeColumns(&pack, previousDay: &previousDay, into: &rows)
        }
        guard pack.isAtEnd else { throw MalformedPack() }
        return keys.count
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
            throw StoreError.sqlite(message: "cannot write the packs of \(table): \(error.message)")
        }
    }
}

/// `numbers` as runs of consecutive numbers, ascending (repeats ignored): `[5, 1, 2, 3, 9]`
/// gives `1...3, 5...5, 9...9`. Packs are keyed by episode number, so each run is one range read.
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
