import GRDB

/// The schema, as raw SQL migrations. A shipped migration is never edited: add a new one.
///
/// Invariants live in the schema: NOT NULL, foreign keys and CHECK constraints for every rule
/// a single row can hold (a load writes with foreign keys unchecked: its references hold by
/// construction, see `OutcomesDatabase.loadRun`). Up to v3, dates were ISO 8601 text (`YYYY-MM-DD`); since v4 the
/// session, assessment and goal tables hold days, codes and references as integers (see
/// `convertToAnalysisStore`).
/// Every record table has a `natural_key` (SPEC section 5, "Resolved details") and the
/// `load_id` of the load that last wrote it; replaced versions go to `record_history`.
/// Since v6, sessions, assessments and goals are also kept packed per episode for analysis (`EpisodePack`).
/// Since v7, a file may be loaded again on request, each reload a load-log line of its own.
/// Since v8, sessions, assessments and goals are keyed by natural key alone, and each pack has
/// its rows' natural keys beside it.
/// Tables keyed by a natural key are WITHOUT ROWID: one b-tree fewer per insert (measured:
/// +15% session rows per second), and nothing refers to their rows.
enum Migrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: canonical tables, load log, rejects, history") { db in
            try db.execute(sql: v1)
        }
        migrator.registerMigration("v2: unambiguous natural keys") { db in
            try rekeyToV2(db)
        }
        migrator.registerMigration("v3: exact decimal and negative scores") { db in
            try db.execute(sql: v3)
        }
        migrator.registerMigration("v4: integer-coded analysis store") { db in
            try convertToAnalysisStore(db)
        }
        migrator.registerMigration("v5: rejects of rows keyed by patient and of FHIR lines") { db in
            try db.execute(sql: v5)
        }
        migrator.registerMigration("v6: sessions, assessments and goals packed per episode") { db in
            let packs: [any EpisodePack.Type] = [SessionPack.self, AssessmentPack.self, GoalPack.self]
            for pack in packs {
                try db.execute(sql: pack.createTable)
                try pack.refreshAll(db, keyLists: false)
            }
        }
        migrator.registerMigration("v7: files loaded again on request") { db in
            try db.execute(sql: v7)
        }
        migrator.registerMigration("v8: records keyed by natural key alone, packs with their keys") { db in
            try keyByNaturalKey(db)
        }
        return migrator
    }

    /// `column = 'a' OR column = 'b' ...`: the same rule as `column IN (...)`, but SQLite
    /// evaluates an IN list in a CHECK constraint by building a temporary table on every insert,
    /// which halved the session load rate (measured: 142k against 294k rows/s).
    static func oneOf(_ column: String, _ values: [String]) -> String {
        values.map { "\(column) = '\($0)'" }.joined(separator: " OR ")
    }

    static func oneOf(_ column: String, _ values: [Int]) -> String {
        values.map { "\(column) = \($0)" }.joined(separator: " OR ")
    }

    static let isoDate = "GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'"

    private static let v1 = """
    CREATE TABLE load_log (
        id INTEGER PRIMARY KEY,
        file TEXT NOT NULL CHECK (file <> ''),
        table_name TEXT NOT NULL CHECK (\(oneOf("table_name", ["episodes", "sessions", "assessments", "goals", "events"]))),
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        rows_read INTEGER NOT NULL CHECK (rows_read >= 0),
        loaded INTEGER NOT NULL CHECK (loaded >= 0),
        updated INTEGER NOT NULL CHECK (updated >= 0),
        duplicates INTEGER NOT NULL CHECK (duplicates >= 0),
        rejected INTEGER NOT NULL CHECK (rejected >= 0),
        loaded_at TEXT NOT NULL,
        software_version TEXT NOT NULL,
        parameters TEXT NOT NULL,
        CHECK (rows_read = loaded + updated + duplicates + rejected),
        UNIQUE (sha256, table_name)
    );

    CREATE TABLE rejected_row (
        id INTEGER PRIMARY KEY,
        load_id INTEGER NOT NULL REFERENCES load_log(id),
        row_number INTEGER NOT NULL CHECK (row_number >= 2),
        column_name TEXT,
        reason TEXT NOT NULL CHECK (\(oneOf("reason", ["malformed_row", "invalid_utf8", "missing_field", "bad_date", "future_date", "discharge_before_admission", "unknown_code", "bad_number", "out_of_range", "total_mismatch", "too_many_missing_items", "unknown_episode", "outside_episode"]))),
        message TEXT NOT NULL,
        raw_line TEXT NOT NULL
    );
    CREATE INDEX rejected_row_load ON rejected_row(load_id);

    CREATE TABLE record_history (
        id INTEGER PRIMARY KEY,
        table_name TEXT NOT NULL,
        natural_key TEXT NOT NULL,
        previous_values TEXT NOT NULL,
        previous_load_id INTEGER NOT NULL REFERENCES load_log(id),
        replaced_by_load_id INTEGER NOT NULL REFERENCES load_log(id)
    );

    CREATE TABLE episode (
        episode_id TEXT PRIMARY KEY NOT NULL CHECK (episode_id <> ''),
        patient_key TEXT NOT NULL CHECK (length(patient_key) = 64),
        program TEXT NOT NULL CHECK (program <> ''),
        site TEXT,
        level_of_care TEXT NOT NULL CHECK (\(oneOf("level_of_care", ["IOP", "PHP"]))),
        admission_date TEXT NOT NULL CHECK (admission_date \(isoDate)),
        discharge_date TEXT CHECK (discharge_date \(isoDate) AND discharge_date >= admission_date),
        discharge_reason TEXT CHECK (\(oneOf("discharge_reason", ["completed", "step_up", "step_down", "ama", "lost_to_contact", "administrative", "transferred", "other"]))),
        age_at_admission INTEGER CHECK (age_at_admission BETWEEN 0 AND 120),
        sex TEXT,
        race TEXT,
        ethnicity TEXT,
        payer TEXT,
        referral_source TEXT,
        primary_dx TEXT,
        planned_weeks INTEGER CHECK (planned_weeks > 0),
        load_id INTEGER NOT NULL REFERENCES load_log(id),
        CHECK ((discharge_date IS NULL) = (discharge_reason IS NULL))
    );
    CREATE INDEX episode_patient ON episode(patient_key);

    CREATE TABLE session (
        natural_key TEXT PRIMARY KEY NOT NULL,
        session_id TEXT,
        episode_id TEXT NOT NULL REFERENCES episode(episode_id),
        session_date TEXT NOT NULL CHECK (session_date \(isoDate)),
        session_type TEXT NOT NULL CHECK (\(oneOf("session_type", ["group", "individual", "family", "psychiatry", "psychoeducation", "other"]))),
        modality TEXT CHECK (\(oneOf("modality", ["in_person", "telehealth"]))),
        status TEXT NOT NULL CHECK (\(oneOf("status", ["attended", "late", "left_early", "no_show", "cancelled_patient", "cancelled_program", "excused"]))),
        scheduled_minutes INTEGER NOT NULL CHECK (scheduled_minutes >= 0),
        attended_minutes INTEGER CHECK (attended_minutes >= 0),
        staff_id TEXT,
        load_id INTEGER NOT NULL REFERENCES load_log(id)
    ) WITHOUT ROWID;
    CREATE INDEX session_episode ON session(episode_id);

    CREATE TABLE assessment (
        natural_key TEXT PRIMARY KEY NOT NULL,
        episode_id TEXT NOT NULL REFERENCES episode(episode_id),
        assessed_on TEXT NOT NULL CHECK (assessed_on \(isoDate)),
        instrument TEXT NOT NULL CHECK (instrument <> ''),
        item_responses TEXT NOT NULL,
        score INTEGER NOT NULL CHECK (score >= 0),
        scoring_method TEXT NOT NULL CHECK (\(oneOf("scoring_method", ["complete", "prorated", "total_only"]))),
        timepoint TEXT CHECK (\(oneOf("timepoint", ["intake", "weekly", "discharge", "followup_30", "followup_90", "other"]))),
        load_id INTEGER NOT NULL REFERENCES load_log(id),
        CHECK ((scoring_method = 'total_only') = (item_responses = ''))
    ) WITHOUT ROWID;
    CREATE INDEX assessment_episode ON assessment(episode_id);

    CREATE TABLE goal (
        natural_key TEXT PRIMARY KEY NOT NULL,
        episode_id TEXT NOT NULL REFERENCES episode(episode_id),
        goal_id TEXT NOT NULL CHECK (goal_id <> ''),
        domain TEXT,
        weight REAL NOT NULL CHECK (weight > 0),
        baseline_level INTEGER NOT NULL CHECK (\(oneOf("baseline_level", [-1, -2]))),
        attained_level INTEGER CHECK (attained_level BETWEEN -2 AND 2),
        rated_on TEXT CHECK (rated_on \(isoDate)),
        load_id INTEGER NOT NULL REFERENCES load_log(id)
    ) WITHOUT ROWID;
    CREATE INDEX goal_episode ON goal(episode_id);

    CREATE TABLE clinical_event (
        natural_key TEXT PRIMARY KEY NOT NULL,
        patient_key TEXT NOT NULL CHECK (length(patient_key) = 64),
        event_date TEXT NOT NULL CHECK (event_date \(isoDate)),
        event_type TEXT NOT NULL CHECK (\(oneOf("event_type", ["ed_visit", "psych_inpatient", "php_admission", "crisis_contact", "substance_use", "positive_tox", "self_harm", "suicide_attempt"]))),
        source TEXT,
        load_id INTEGER NOT NULL REFERENCES load_log(id)
    ) WITHOUT ROWID;
    CREATE INDEX clinical_event_patient ON clinical_event(patient_key);
    """

    // MARK: - v2: unambiguous natural keys

    /// One natural-key part as v2 encodes it, `<UTF-8 byte length>:<part>`: the SQL twin of
    /// `naturalKey(_:_:_:)`. (`CAST AS BLOB` counts bytes; `length` of text would count characters.)
    private static func v2KeyPart(_ expression: String) -> String {
        "length(CAST(\(expression) AS BLOB)) || ':' || \(expression)"
    }

    /// The v2 key of a row from the expressions of its parts.
    private static func v2Key(_ parts: [String]) -> String {
        parts.map(v2KeyPart).joined(separator: " || ")
    }

    /// A session's v2 key: `session_id` when it has one, else episode, date and type.
    private static func v2SessionKey(_ column: (String) -> String) -> String {
        """
        CASE WHEN \(column("session_id")) IS NOT NULL THEN \(v2Key(["'id'", column("session_id")]))
        ELSE \(v2Key([column("episode_id"), column("session_date"), column("session_type")])) END
        """
    }

    /// The key parts of the other keyed tables, by table.
    private static let v2Parts: [(table: String, parts: [String])] = [
        ("assessment", ["episode_id", "instrument", "assessed_on"]),
        ("goal", ["episode_id", "goal_id"]),
        ("clinical_event", ["patient_key", "event_date", "event_type"]),
    ]

    /// Re-keys every stored row from its own columns, and every history row from the values it
    /// kept. v1 joined the parts with U+001F, which a part may hold, so a v1 key cannot be split
    /// back. Each keyed table is rebuilt rather than updated in place: a copy made under its own
    /// definition (read from the schema, so every constraint stays) is filled in key order, the
    /// old table dropped and the copy renamed, then its indexes made anew. Updating primary keys
    /// in place took 73 s on a 1.5 M-row database (measured); the rebuild is a sorted append.
    /// Episodes keep `episode_id`.
    private static func rekeyToV2(_ db: Database) throws {
        let keys = [("session", v2SessionKey { $0 })] + v2Parts.map { ($0.table, v2Key($0.parts)) }
        for (table, key) in keys {
            guard let definition = try String.fetchOne(
                db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", arguments: [table]),
                definition.hasPrefix("CREATE TABLE \(table) (") else {
                throw StoreError.sqlite(message: "v2 migration: no table \(table) as v1 made it")
            }
            let indexes = try String.fetchAll(db, sql: """
                SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL
                """, arguments: [table])
            let others = try db.columns(in: table).map(\.name).filter { $0 != "natural_key" }
            let list = others.joined(separator: ", ")
            try db.execute(sql: """
                \(definition.replacingOccurrences(of: "CREATE TABLE \(table) (", with: "CREATE TABLE \(table)_v2 ("));
                INSERT INTO \(table)_v2 (natural_key, \(list)) SELECT \(key), \(list) FROM \(table) ORDER BY 1;
                DROP TABLE \(table);
                ALTER TABLE \(table)_v2 RENAME TO \(table);
                \(indexes.map { $0 + ";" }.joined(separator: "\n"))
                """)
        }
        let history = { (column: String) in "json_extract(previous_values, '$.\(column)')" }
        let historyCases = v2Parts.map { "WHEN '\($0.table)' THEN \(v2Key($0.parts.map(history)))" }
        try db.execute(sql: """
            UPDATE record_history SET natural_key = CASE table_name
            WHEN 'session' THEN \(v2SessionKey(history))
            \(historyCases.joined(separator: "\n"))
            ELSE natural_key END;
            """)
    }

    /// Decimal and negative scores (issue 9.6). The assessment table is rebuilt, every row kept:
    /// `score` becomes whole units of 10^-`score_decimals` (20.3 on a one-decimal instrument is
    /// 203 with 1), so a score is stored exactly and stays an INTEGER that SQL can compare within
    /// an instrument; rows stored before hold whole numbers, so they keep their value with 0
    /// decimals. v1's `score >= 0` goes: an instrument's range may be negative, and the
    /// instrument check (not the schema) owns the range. Item responses stay exact decimal text.
    /// Self-contained: it names every column it copies and recreates its index.
    private static let v3 = """
    CREATE TABLE assessment_v3 (
        natural_key TEXT PRIMARY KEY NOT NULL,
        episode_id TEXT NOT NULL REFERENCES episode(episode_id),
        assessed_on TEXT NOT NULL CHECK (assessed_on \(isoDate)),
        instrument TEXT NOT NULL CHECK (instrument <> ''),
        item_responses TEXT NOT NULL,
        score INTEGER NOT NULL CHECK (typeof(score) = 'integer' AND abs(score) <= 1000000000000000),
        score_decimals INTEGER NOT NULL CHECK (score_decimals BETWEEN 0 AND 3),
        scoring_method TEXT NOT NULL CHECK (\(oneOf("scoring_method", ["complete", "prorated", "total_only"]))),
        timepoint TEXT CHECK (\(oneOf("timepoint", ["intake", "weekly", "discharge", "followup_30", "followup_90", "other"]))),
        load_id INTEGER NOT NULL REFERENCES load_log(id),
        CHECK ((scoring_method = 'total_only') = (item_responses = ''))
    ) WITHOUT ROWID;
    INSERT INTO assessment_v3 (natural_key, episode_id, assessed_on, instrument, item_responses, score, score_decimals,
                               scoring_method, timepoint, load_id)
        SELECT natural_key, episode_id, assessed_on, instrument, item_responses, score, 0, scoring_method, timepoint,
               load_id
        FROM assessment;
    DROP TABLE assessment;
    ALTER TABLE assessment_v3 RENAME TO assessment;
    CREATE INDEX assessment_episode ON assessment(episode_id);
    """

    /// Rows keyed by patient can be `ambiguous_episode` (two episodes' spans hold the date), and
    /// a FHIR file's rejects are numbered by line, from 1 (a CSV's from 2, its header being 1).
    /// The reject table is rebuilt with both, every row kept.
    private static let v5 = """
    CREATE TABLE rejected_row_v5 (
        id INTEGER PRIMARY KEY,
        load_id INTEGER NOT NULL REFERENCES load_log(id),
        row_number INTEGER NOT NULL CHECK (row_number >= 1),
        column_name TEXT,
        reason TEXT NOT NULL CHECK (\(oneOf("reason", ["malformed_row", "invalid_utf8", "missing_field", "bad_date", "future_date", "discharge_before_admission", "unknown_code", "bad_number", "out_of_range", "total_mismatch", "too_many_missing_items", "unknown_episode", "ambiguous_episode", "outside_episode"]))),
        message TEXT NOT NULL,
        raw_line TEXT NOT NULL
    );
    INSERT INTO rejected_row_v5 (id, load_id, row_number, column_name, reason, message, raw_line)
        SELECT id, load_id, row_number, column_name, reason, message, raw_line FROM rejected_row;
    DROP TABLE rejected_row;
    ALTER TABLE rejected_row_v5 RENAME TO rejected_row;
    CREATE INDEX rejected_row_load ON rejected_row(load_id);
    """
}
