import GRDB
import GRDBSQLite

/// Keeps the packs (`EpisodePack`) of the episodes one file load writes rows of, and their key
/// lists, equal to the rows: rows come in *runs* (one episode's rows, one after another), and
/// each run is packed when the file moves on to another episode, merged into the episode's stored
/// pack when it has one. Memory holds one run and one stored pack at most.
///
/// Before v8 an episode that had rows before the load was *read back*: its rows read from the
/// table, which was clustered by episode, at the end of the load. Since v8 the table is keyed by
/// natural key alone (one b-tree per row written instead of two), so the stored pack and its key
/// list are what a run merges with: the stored rows decoded from them (`appendStoredRows`), less
/// those the run takes out (an update's earlier version), plus the run's rows, in pack order.
///
/// An episode of more than `maximumRun` rows, in this load or in its stored pack, is *rebuilt*
/// instead: its rows are left out of the runs, and its pack is rebuilt from the table when the
/// load finishes (`EpisodePack.refresh`, one scan of the table for all such episodes). Merging
/// would hold all its rows as values and, run after run, decode them again: memory and time
/// without bound for a file that gives one episode millions of rows.
final class EpisodePackBuilder {
    /// The most rows of an episode merged in memory: an episode with more is rebuilt instead.
    static let maximumRun = 4_096

    private let db: Database
    private let pack: any EpisodePack.Type
    private let layout: WrittenRowLayout
    /// The table column positions of the numbered columns, in the order their numbers come.
    private let numbered: [Int]
    /// The episode of the current run, the result columns (`WrittenRowLayout`) of its rows, row
    /// after row, and the natural keys of stored rows it takes out of the episode's pack.
    private var runEpisode: Int64?
    private var run: [SQLValue] = []
    private var runRows = 0
    private var removals: Set<String> = []
    /// The current run packed as its rows come (`StreamedRun`), while it is: its episode had no
    /// stored pack and its rows have come in the pack's order. Nil for a kept run.
    private var stream: StreamedRun?
    /// Where an updated row's result columns are among its values (numbered columns as numbers).
    private let replacedSources: [WrittenRowLayout.Source]
    /// How many runs were merged into a stored pack.
    private(set) var mergedRuns = 0
    /// The episodes rebuilt from the table when the load finishes.
    private(set) var rebuilt: Set<Int64> = []
    /// The episodes that may have a stored pack to merge with.
    private var packed: PackedEpisodes

    /// A builder of `pack`'s packs from rows of `table`, whose numbered columns' numbers come in
    /// `numbered` order (table column positions).
    init(db: Database, pack: any EpisodePack.Type, table: StoredTable, numbered: [Int]) throws {
        self.db = db
        self.pack = pack
        self.numbered = numbered
        layout = WrittenRowLayout(pack: pack, table: table, numbered: numbered)
        replacedSources = layout.resultColumns.map { source in
            switch source {
            case .value: return source
            case .number(let position): return .value(numbered[position])
            }
        }
        packed = try PackedEpisodes(db, packTable: pack.packTable)
    }

    /// Takes a row just stored as new: `values` in column order, the numbers of its numbered
    /// columns in `numbers` from `first` on.
    func stored(_ values: [SQLValue], numbers: [SQLValue], from first: Int) throws {
        try values.withUnsafeBufferPointer { values in
            try numbers.withUnsafeBufferPointer { numbers in
                try layout.resultColumns.withUnsafeBufferPointer { sources in
                    try add(BoundRow(values: values, numbers: numbers, first: first, sources: sources))
                }
            }
        }
    }

    /// Takes a stored row replaced by an update: its episode before (`previous`, a row of whose
    /// pack has `key`) and the row as it is now, `values` in column order with numbered columns
    /// as their numbers.
    func replaced(key: String, previous: SQLValue, values: [SQLValue]) throws {
        try endRun()
        if let episode = previous.integerValue, !rebuilt.contains(episode) {
            runEpisode = episode
            removals.insert(key)
        }
        try values.withUnsafeBufferPointer { values in
            try replacedSources.withUnsafeBufferPointer { sources in
                try add(BoundRow(values: values, numbers: values, first: 0, sources: sources))
            }
        }
    }

    /// Packs the last run and rebuilds the episodes too large to merge: the end of the file's load.
    func finish() throws {
        try endRun()
        if !rebuilt.isEmpty { try pack.refresh(db, episodes: rebuilt) }
    }

    /// Adds a row to the run of its episode: packed at once while the run streams, else kept.
    private func add(_ row: BoundRow) throws {
        // Result column 0 is the episode number; the run's episode is never one to rebuild.
        guard let episode = row.integer(0), episode == runEpisode || !rebuilt.contains(episode) else { return }
        if episode != runEpisode { try endRun() }
        guard runRows < Self.maximumRun else { return rebuild(episode) }
        if runRows == 0, removals.isEmpty, !packed.mayHavePack(episode) {
            stream = StreamedRun(pack: pack, order: layout.orderColumns)
        }
        runEpisode = episode
        if stream != nil {
            do throws(UndecodableColumn) {
                if try stream?.append(row) == true {
                    runRows += 1
                    return
                }
            } catch {
                throw try unreadable(key: row.value(1), column: error.index)
            }
            // Out of the pack's order: the run is kept from now on, the rows packed so far with it.
            run = try stream?.rows(episode: episode) ?? []
            stream = nil
        }
        for column in layout.resultColumns.indices { run.append(row.value(column)) }
        runRows += 1
    }

    /// Packs the current run with the episode's stored rows, in the pack's order, and stores
    /// the pack and its keys (or removes them, when no row is left).
    private func endRun() throws {
        defer { clearRun() }
        guard let episode = runEpisode else { return }
        if let stream {
            let (facts, keys) = stream.packed
            try pack.store(db, episode: episode, facts: facts, keys: keys)
            packed.noteStored(episode)
            return
        }
        let width = layout.resultColumns.count
        let limit = Self.maximumRun - runRows
        guard let stored = packed.mayHavePack(episode)
                ? try pack.appendStoredRows(db, episode: episode, to: &run, limit: limit) : 0 else {
            return rebuild(episode)
        }
        if stored > 0 { mergedRuns += 1 }
        let rows = runRows + stored
        let packedRows = try run.withUnsafeBufferPointer { all throws -> (facts: [UInt8], keys: [UInt8])? in
            func row(_ position: Int) -> WrittenRow {
                WrittenRow(columns: UnsafeBufferPointer(rebasing: all[(position * width)..<((position + 1) * width)]))
            }
            var positions = Array(0..<rows)
            if !removals.isEmpty {
                positions.removeAll { position in
                    // Result column 1 is the natural key; a stored row comes after the run's.
                    guard position >= runRows, case .text(let key) = all[position * width + 1] else { return false }
                    return removals.contains(key)
                }
            }
            guard !positions.isEmpty else { return nil }
            let order = layout.orderColumns
            if !zip(positions, positions.dropFirst()).allSatisfy({ row($0).precedes(row($1), order: order) }) {
                positions.sort { row($0).precedes(row($1), order: order) }
            }
            var writer = PackWriter(version: pack.version)
            var previousDay: Int64 = 0
            for position in positions {
                do {
                    try pack.append(.written(row(position)), to: &writer, previousDay: &previousDay)
                } catch let undecodable as UndecodableColumn {
                    throw try unreadable(key: row(position).columns[1], column: undecodable.index)
                }
            }
            return (writer.bytes, NaturalKeyList.encode(positions.lazy.map { row($0).text(1) ?? "" }))
        }
        if let packedRows {
            try pack.store(db, episode: episode, facts: packedRows.facts, keys: packedRows.keys)
            packed.noteStored(episode)
        } else {
            try pack.remove(db, episode: episode)
        }
    }

    /// The error for a written row, of natural key `key`, whose result column `column` does not
    /// decode: named as a read of the table would name it (`StoreError.unreadableRows`).
    private func unreadable(key: SQLValue, column: Int32) throws -> StoreError {
        StoreError.unreadableRows(try UnreadableRows(db, table: pack.table, count: 1, keyColumn: "natural_key",
                                                     firstKey: key, column: layout.resultNames[Int(column)]))
    }

    /// Leaves `episode`'s rows out of the runs from now on, its current run dropped, and its pack
    /// to be rebuilt from the table when the load finishes.
    private func rebuild(_ episode: Int64) {
        rebuilt.insert(episode)
        if episode == runEpisode { clearRun() }
    }

    private func clearRun() {
        stream = nil
        run.removeAll(keepingCapacity: true)
        runRows = 0
        runEpisode = nil
        removals.removeAll()
    }
}
