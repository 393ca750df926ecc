import GRDB
import OutcomesCore

/// One completed file load, for the provenance appendix.
public struct LoadLogEntry: Sendable, Hashable {
    public var id: Int64
    public var file: String
    public var table: String
    public var sha256: String
    public var read: Int
    public var loaded: Int
    public var updated: Int
    public var duplicates: Int
    public var rejected: Int
    public var loadedAt: String
    public var softwareVersion: String
    public var parameters: String
    public var rejectsByReason: [RejectReason: Int]
    /// Set for a reload (`ingest --reload`): the id of the file's first load.
    public var reloadOf: Int64? = nil
}

extension OutcomesDatabase {
    /// Every load in the order it happened, with its rejects by reason.
    public func loadLog() throws -> [LoadLogEntry] {
        try writer.read { db in
            var reasons: [Int64: [RejectReason: Int]] = [:]
            try ResultReader.forEach(db, sql: "SELECT load_id, reason, count(*) FROM rejected_row GROUP BY load_id, reason") { row in
                guard let reason = row.code(1, as: RejectReason.self) else { return }
                reasons[Int64(row.int(0) ?? 0), default: [:]][reason] = row.int(2) ?? 0
            }
            var entries: [LoadLogEntry] = []
            try ResultReader.forEach(db, sql: """
                SELECT id, file, table_name, sha256, rows_read, loaded, updated, duplicates, rejected, loaded_at,
                       software_version, parameters, reload_of
                FROM load_log ORDER BY id
                """) { row in
                let id = Int64(row.int(0) ?? 0)
                entries.append(LoadLogEntry(
                    id: id, file: row.string(1), table: row.string(2), sha256: row.string(3), read: row.int(4) ?? 0,
                    loaded: row.int(5) ?? 0, updated: row.int(6) ?? 0, duplicates: row.int(7) ?? 0,
                    rejected: row.int(8) ?? 0, loadedAt: row.string(9), softwareVersion: row.string(10),
                    parameters: row.string(11), rejectsByReason: reasons[id] ?? [:],
                    reloadOf: row.int(12).map(Int64.init)))
            }
            return entries
        }
    }
}
