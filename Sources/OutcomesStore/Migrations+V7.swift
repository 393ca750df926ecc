import GRDB

/// v7: a file loaded again on request (`ingest --reload`). Up to v6 the load log held one line
/// per file and table (UNIQUE (sha256, table_name)), so the rows of a file rejected for want of
/// their episodes could never be tried again once the episodes were loaded, short of editing
/// the file. v7 keeps that uniqueness for first loads only and records each reload as a line of
/// its own, naming the first load in `reload_of`.
extension Migrations {
    static let v7 = """
    CREATE TABLE load_log_v7 (
        id INTEGER PRIMARY KEY,
        file TEXT NOT NULL CHECK (file <> ''),
        table_name TEXT NOT NULL
            CHECK (\(oneOf("table_name", ["episodes", "sessions", "assessments", "goals", "events"]))),
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        rows_read INTEGER NOT NULL CHECK (rows_read >= 0),
        loaded INTEGER NOT NULL CHECK (loaded >= 0),
        updated INTEGER NOT NULL CHECK (updated >= 0),
        duplicates INTEGER NOT NULL CHECK (duplicates >= 0),
        rejected INTEGER NOT NULL CHECK (rejected >= 0),
        loaded_at TEXT NOT NULL,
        software_version TEXT NOT NULL,
        parameters TEXT NOT NULL,
        reload_of INTEGER REFERENCES load_log(id) CHECK (reload_of < id),
        CHECK (rows_read = loaded + updated + duplicates + rejected)
    );
    INSERT INTO load_log_v7 (id, file, table_name, sha256, rows_read, loaded, updated, duplicates, rejected, loaded_at,
                             software_version, parameters)
        SELECT id, file, table_name, sha256, rows_read, loaded, updated, duplicates, rejected, loaded_at,
               software_version, parameters
        FROM load_log;
    DROP TABLE load_log;
    ALTER TABLE load_log_v7 RENAME TO load_log;
    CREATE UNIQUE INDEX load_log_first_load ON load_log(sha256, table_name) WHERE reload_of IS NULL;
    """
}
