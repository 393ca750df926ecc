import GRDB

/// A file whose latest load rejected rows for want of their episode (`unknown_episode`, or
/// `outside_episode`: dated outside the span of the episode named), which loading episodes since
/// may have made loadable: `ingest --reload` reads it again.
public struct RowsAwaitingEpisodes: Sendable, Equatable {
    /// The file as its latest load named it.
    public var file: String
    /// That load's id in the load log.
    public var loadID: Int64
    /// The table the file was loaded as.
    public var table: String
    /// The file's SHA-256.
    public var sha256: String
    /// How many of its rows that load rejected for want of their episode.
    public var rows: Int
}

extension OutcomesDatabase {
    /// The id of the latest load, 0 when nothing was loaded.
    public func lastLoadID() throws -> Int64 {
        try writer.read { try Int64.fetchOne($0, sql: "SELECT max(id) FROM load_log") ?? 0 }
    }

    /// The files whose latest load up to load `lastLoadID` (the first or the last reload of the
    /// same bytes as the same table) rejected rows for want of their episode, in load order; only
    /// those loaded after the last load up to `lastLoadID` that added or changed episodes, so
    /// that each is named once, not after every later episodes load.
    public func rowsAwaitingEpisodes(loadsUpTo lastLoadID: Int64) throws -> [RowsAwaitingEpisodes] {
        try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT l.file, l.id, l.table_name, l.sha256, count(*)
                FROM load_log l JOIN rejected_row r ON r.load_id = l.id
                WHERE l.id <= ?1 AND r.reason IN ('unknown_episode', 'outside_episode')
                  AND l.id = (SELECT max(m.id) FROM load_log m
                              WHERE m.sha256 = l.sha256 AND m.table_name = l.table_name AND m.id <= ?1)
                  AND l.id > (SELECT coalesce(max(e.id), 0) FROM load_log e
                              WHERE e.table_name = 'episodes' AND e.id <= ?1 AND e.loaded + e.updated > 0)
                GROUP BY l.id ORDER BY l.id
                """, arguments: [lastLoadID])
            .map { RowsAwaitingEpisodes(file: $0[0], loadID: $0[1], table: $0[2], sha256: $0[3], rows: $0[4]) }
        }
    }
}
