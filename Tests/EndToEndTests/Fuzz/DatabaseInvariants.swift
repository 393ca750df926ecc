import GRDB

/// What must hold of a program database after any load, however broken its input:
/// SQLite's own checks pass and every stored row is accounted for by the load log.
enum DatabaseInvariants {
    /// Record tables and the `load_log.table_name` that fills each.
    static let tables = ["episode": "episodes", "session": "sessions", "assessment": "assessments",
                         "goal": "goals", "clinical_event": "events"]

    /// The broken invariants, as sentences; empty when the database is sound.
    /// - Parameter groupedAssessments: assessments were loaded from several lines each (FHIR
    ///   panels and their members, long files), which the load log counts: then each stored
    ///   assessment accounts for one loaded line or more.
    static func violations(at path: String, groupedAssessments: Bool = false) throws -> [String] {
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        return try queue.read { db in
            var found: [String] = []
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            if integrity != ["ok"] { found.append("integrity_check: \(integrity.joined(separator: "; "))") }
            let orphans = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check")
            if !orphans.isEmpty { found.append("foreign_key_check: \(orphans.count) rows") }
            let unbalanced = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM load_log WHERE rows_read <> loaded + updated + duplicates + rejected
                """) ?? 0
            if unbalanced > 0 { found.append("\(unbalanced) load_log rows where read <> the sum of outcomes") }
            // A reload names the first load of the same bytes as the same table.
            let strayReloads = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM load_log r LEFT JOIN load_log f ON f.id = r.reload_of
                WHERE r.reload_of IS NOT NULL AND (f.id IS NULL OR f.reload_of IS NOT NULL
                      OR f.sha256 <> r.sha256 OR f.table_name <> r.table_name)
                """) ?? 0
            if strayReloads > 0 { found.append("\(strayReloads) reloads that name no first load of the same file") }
            for (table, logged) in tables.sorted(by: { $0.key < $1.key }) {
                // Every stored row was once counted as loaded; an update replaces a row in place.
                let stored = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0
                let loaded = try Int.fetchOne(
                    db, sql: "SELECT coalesce(sum(loaded), 0) FROM load_log WHERE table_name = ?", arguments: [logged]) ?? 0
                let accounted = groupedAssessments && table == "assessment" ? stored <= loaded : stored == loaded
                if !accounted { found.append("\(table): \(stored) rows stored, \(loaded) loaded per the load log") }
            }
            let rejected = try Int.fetchOne(db, sql: "SELECT count(*) FROM rejected_row") ?? 0
            let logged = try Int.fetchOne(db, sql: "SELECT coalesce(sum(rejected), 0) FROM load_log") ?? 0
            if rejected != logged { found.append("\(rejected) rejected rows stored, \(logged) per the load log") }
            return found
        }
    }
}
