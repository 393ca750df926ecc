import GRDB
import GRDBSQLite

/// Keeps the packs (`EpisodePack`) of the episodes one file load writes rows of: an episode new
/// to the table gets its pack built from its rows as they are stored, the others are read back.
///
/// Reading every written episode's rows back at the end of the load cost a quarter of a
/// 1.66 M-row sessions load (2.35 of 9 s, on the writing thread after the reading thread was
/// done). Most episodes of a file are new and come row after row, so their pack is built from
/// the values bound, by the same `append` under the same decoding rules, and stored when the
/// file moves on to another episode: memory holds one episode's rows at most.
///
/// An episode is *read back* (`EpisodePack.refresh`, when the load finishes) instead when it had
/// rows before this file, when its rows do not come one after another, when a row of this file
/// updates one of its rows or moves a row away from it, when one of its rows is bound twice (a
/// batch retried row by row), when it has more than `maximumRun` rows, or when a written value
/// does not decode (the read-back then names the row).
final class EpisodePackBuilder {
    /// The most rows of one episode collected before it is read back instead: a bound on memory.
    static let maximumRun = 4_096

    private let db: Database
    private let pack: any EpisodePack.Type
    private let layout: WrittenRowLayout
    private let findRow: Statement
    /// Episodes of the rows bound so far, and the last of them.
    private var bound = EpisodeNumberSet()
    private var lastBound: Int64?
    /// Episodes whose packs are rebuilt from their rows when the load finishes.
    private var readBack: Set<Int64> = []
    /// The episode of the last row stored, and whether its pack is being built.
    private var runEpisode: Int64?
    private var building = false
    /// The result columns (`WrittenRowLayout`) of the episode's rows so far, row after row.
    private var run: [SQLValue] = []
    private var runRows = 0

    /// A builder of `pack`'s packs from rows of `table`, whose numbered columns' numbers come in
    /// `numbered` order (table column positions).
    init(db: Database, pack: any EpisodePack.Type, table: StoredTable, numbered: [Int]) throws {
        self.db = db
        self.pack = pack
        layout = WrittenRowLayout(pack: pack, table: table, numbered: numbered)
        findRow = try db.makeStatement(sql: "SELECT 1 FROM \(pack.table) WHERE episode_no = ? LIMIT 1")
    }

    /// Notes the episode number (`value`, NULL for an unknown episode) of a row about to be
    /// stored: an episode first seen that has rows already, or one seen again after another, is
    /// read back.
    func bound(episode value: SQLValue) throws {
        guard case .integer(let episode) = value, episode != lastBound else { return }
        lastBound = episode
        if try !bound.insert(episode) || hasRows(episode) { readBack(episode) }
    }

    /// Takes a row just stored as new: `values` in column order, the numbers of its numbered
    /// columns in `numbers` from `first` on.
    func stored(_ values: [SQLValue], numbers: [SQLValue], from first: Int) throws {
        func value(_ source: WrittenRowLayout.Source) -> SQLValue {
            switch source {
            case .value(let position): return values[position]
            case .number(let position): return numbers[first + position]
            }
        }
        // Result column 0 is the episode number.
        guard case .integer(let episode) = value(layout.resultColumns[0]) else { return }
        if episode != runEpisode {
            try endRun()
            runEpisode = episode
            building = !readBack.contains(episode)
        }
        guard building else { return }
        guard runRows < Self.maximumRun else { return readBack(episode) }
        for source in layout.resultColumns { run.append(value(source)) }
        runRows += 1
    }

    /// Notes a stored row replaced by an update: both its episode before (`previous`) and after
    /// (`current`) are read back.
    func replaced(previous: SQLValue, current: SQLValue) {
        for value in [previous, current] {
            if case .integer(let episode) = value { readBack(episode) }
        }
    }

    /// How many episodes are read back.
    var episodesReadBack: Int { readBack.count }

    /// Stores the last episode's pack and rebuilds those of the episodes read back: the end of
    /// the file's load.
    func finish() throws {
        try endRun()
        runEpisode = nil
        if !readBack.isEmpty { try pack.refresh(db, episodes: readBack) }
    }

    private func readBack(_ episode: Int64) {
        readBack.insert(episode)
        if episode == runEpisode {
            building = false
            clearRun()
        }
    }

    /// Packs the rows collected for the current episode, in the pack's order, and stores them.
    private func endRun() throws {
        defer { clearRun() }
        guard building, let episode = runEpisode, runRows > 0 else { return }
        let (width, count, order) = (layout.resultColumns.count, runRows, layout.orderColumns)
        let packed: [UInt8]? = run.withUnsafeBufferPointer { all in
            func row(_ position: Int) -> WrittenRow {
                WrittenRow(columns: UnsafeBufferPointer(rebasing: all[(position * width)..<((position + 1) * width)]))
            }
            var positions = Array(0..<count)
            if !(1..<count).allSatisfy({ row($0 - 1).precedes(row($0), order: order) }) {
                positions.sort { row($0).precedes(row($1), order: order) }
            }
            var writer = PackWriter(version: pack.version)
            var previousDay: Int64 = 0
            do {
                for position in positions { try pack.append(.written(row(position)), to: &writer, previousDay: &previousDay) }
            } catch {
                return nil
            }
            return writer.bytes
        }
        // A value that does not decode: the read-back names its row.
        guard let packed else {
            readBack.insert(episode)
            return
        }
        try pack.store(db, episode: episode, facts: packed)
    }

    private func clearRun() {
        run.removeAll(keepingCapacity: true)
        runRows = 0
    }

    private func hasRows(_ episode: Int64) throws -> Bool {
        let statement = findRow.sqliteStatement
        sqlite3_reset(statement)
        statement.bind(.integer(episode), at: 1)
        defer { sqlite3_reset(statement) }
        switch sqlite3_step(statement) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw StoreError.sqlite(message: String(cString: sqlite3_errmsg(sqlite3_db_handle(statement))))
        }
    }
}
