import GRDB

extension OutcomesDatabase {
    /// Whether any stored row carries a pseudonymised patient key (episodes and clinical events
    /// do): the key that made them must then never be replaced.
    public func holdsPseudonyms() throws -> Bool {
        try writer.read { db in
            let sql = "SELECT EXISTS (SELECT 1 FROM episode) OR EXISTS (SELECT 1 FROM clinical_event)"
            return try Bool.fetchOne(db, sql: sql) ?? false
        }
    }
}
