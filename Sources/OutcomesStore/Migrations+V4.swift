import GRDB

/// v4: a store made for analysis (issue 13). Measured on a 200,000-episode network, reading the
/// v3 tables spent most of `analyze` decoding text: an episode id, a date and three codes per
/// session, each a String or a parse. v4 keeps what the analysis reads as integers:
/// - `episode.episode_no`, an integer surrogate key (rowid), numbered in admission order when
///   converted; `episode_id` stays, unique, as the natural key;
/// - sessions, assessments and goals refer to `episode_no`, and are clustered by it (their
///   primary key starts with it), so the rows of a set of episodes are a few range reads; the
///   natural key stays unique for deduplication, and the per-episode indexes go;
/// - days as integers (days since 1970-01-01, `Day.ordinal`): `date(session_day * 86400,
///   'unixepoch')` gives the date back in SQL;
/// - codes as small integers (`StoredCodes`, labelled in `code_label`), staff and instruments
///   through the dictionary tables `staff` and `instrument`.
/// Episodes (few) and clinical events (keyed by patient) keep their v3 columns.
extension Migrations {
    /// The day range a stored day may take: 1000-01-01 to 2999-12-31, as v1's date GLOB allowed.
    static let dayCheck = "BETWEEN \(dayRange.lowerBound) AND \(dayRange.upperBound)"
    /// The same range as day numbers.
    static let dayRange = -354285...376199

    /// The SQL expression of a v3 ISO date column as a v4 day number.
    private static func dayNumber(_ column: String) -> String {
        "CAST(julianday(\(column)) - 2440587.5 AS INTEGER)"
    }

    static func convertToAnalysisStore(_ db: Database) throws {
        let before = try rowCounts(db)
        try db.execute(sql: v4Tables)
        try db.execute(sql: v4Copy)
        try db.execute(sql: """
            DROP TABLE session; DROP TABLE assessment; DROP TABLE goal; DROP TABLE episode;
            ALTER TABLE episode_v4 RENAME TO episode;
            ALTER TABLE session_v4 RENAME TO session;
            ALTER TABLE assessment_v4 RENAME TO assessment;
            ALTER TABLE goal_v4 RENAME TO goal;
            CREATE INDEX episode_patient ON episode(patient_key);
            """)
        let after = try rowCounts(db)
        guard before == after else {
            throw StoreError.sqlite(message: "v4 migration: row counts changed from \(before) to \(after)")
        }
    }

    /// Rows per converted table: the conversion must keep every one.
    private static func rowCounts(_ db: Database) throws -> [Int] {
        try ["episode", "session", "assessment", "goal"].map {
            try Int.fetchOne(db, sql: "SELECT count(*) FROM \($0)") ?? 0
        }
    }

    private static let v4Tables = """
    CREATE TABLE code_label (
        column_name TEXT NOT NULL,
        code INTEGER NOT NULL,
        label TEXT NOT NULL,
        PRIMARY KEY (column_name, code)
    ) WITHOUT ROWID;
    INSERT INTO code_label (column_name, code, label) VALUES
    \(StoredCodes.labelRows);

    CREATE TABLE staff (
        staff_no INTEGER PRIMARY KEY,
        staff_id TEXT NOT NULL UNIQUE
    );
    CREATE TABLE instrument (
        instrument_no INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE CHECK (code <> '')
    );

    CREATE TABLE episode_v4 (
        episode_no INTEGER PRIMARY KEY,
        episode_id TEXT NOT NULL UNIQUE CHECK (episode_id <> ''),
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

    CREATE TABLE session_v4 (
        episode_no INTEGER NOT NULL REFERENCES episode(episode_no),
        session_day INTEGER NOT NULL CHECK (session_day \(dayCheck)),
        natural_key TEXT NOT NULL UNIQUE,
        session_id TEXT,
        session_type INTEGER NOT NULL CHECK (\(StoredCodes.sessionType.check)),
        modality INTEGER CHECK (\(StoredCodes.modality.check)),
        status INTEGER NOT NULL CHECK (\(StoredCodes.sessionStatus.check)),
        scheduled_minutes INTEGER NOT NULL CHECK (scheduled_minutes >= 0),
        attended_minutes INTEGER CHECK (attended_minutes >= 0),
        staff_no INTEGER REFERENCES staff(staff_no),
        load_id INTEGER NOT NULL REFERENCES load_log(id),
        PRIMARY KEY (episode_no, session_day, natural_key)
    ) WITHOUT ROWID;

    CREATE TABLE assessment_v4 (
        episode_no INTEGER NOT NULL REFERENCES episode(episode_no),
        natural_key TEXT NOT NULL UNIQUE,
        assessed_day INTEGER NOT NULL CHECK (assessed_day \(dayCheck)),
        instrument_no INTEGER NOT NULL REFERENCES instrument(instrument_no),
        item_responses TEXT NOT NULL,
        score INTEGER NOT NULL CHECK (typeof(score) = 'integer' AND abs(score) <= 1000000000000000),
        score_decimals INTEGER NOT NULL CHECK (score_decimals BETWEEN 0 AND 3),
        scoring_method INTEGER NOT NULL CHECK (\(StoredCodes.scoringMethod.check)),
        timepoint INTEGER CHECK (\(StoredCodes.timepoint.check)),
        load_id INTEGER NOT NULL REFERENCES load_log(id),
        CHECK ((scoring_method = \(StoredCodes.scoringMethod.number(.totalOnly))) = (item_responses = '')),
        PRIMARY KEY (episode_no, natural_key)
    ) WITHOUT ROWID;

    CREATE TABLE goal_v4 (
        episode_no INTEGER NOT NULL REFERENCES episode(episode_no),
        natural_key TEXT NOT NULL UNIQUE,
        goal_id TEXT NOT NULL CHECK (goal_id <> ''),
        domain TEXT,
        weight REAL NOT NULL CHECK (weight > 0),
        baseline_level INTEGER NOT NULL CHECK (\(oneOf("baseline_level", [-1, -2]))),
        attained_level INTEGER CHECK (attained_level BETWEEN -2 AND 2),
        rated_day INTEGER CHECK (rated_day \(dayCheck)),
        load_id INTEGER NOT NULL REFERENCES load_log(id),
        PRIMARY KEY (episode_no, natural_key)
    ) WITHOUT ROWID;
    """

    /// Copies every v3 row into the v4 tables, each in its primary key's order (a sorted append).
    private static let v4Copy = """
    INSERT INTO episode_v4 (episode_id, patient_key, program, site, level_of_care, admission_date, discharge_date,
                            discharge_reason, age_at_admission, sex, race, ethnicity, payer, referral_source,
                            primary_dx, planned_weeks, load_id)
        SELECT episode_id, patient_key, program, site, level_of_care, admission_date, discharge_date,
               discharge_reason, age_at_admission, sex, race, ethnicity, payer, referral_source, primary_dx,
               planned_weeks, load_id
        FROM episode ORDER BY admission_date, episode_id;
    INSERT INTO staff (staff_id) SELECT DISTINCT staff_id FROM session WHERE staff_id IS NOT NULL ORDER BY staff_id;
    INSERT INTO instrument (code) SELECT DISTINCT instrument FROM assessment ORDER BY instrument;

    INSERT INTO session_v4 (episode_no, session_day, natural_key, session_id, session_type, modality, status,
                            scheduled_minutes, attended_minutes, staff_no, load_id)
        SELECT e.episode_no, \(dayNumber("s.session_date")), s.natural_key, s.session_id,
               \(StoredCodes.sessionType.numberFromText("s.session_type")),
               \(StoredCodes.modality.numberFromText("s.modality")),
               \(StoredCodes.sessionStatus.numberFromText("s.status")),
               s.scheduled_minutes, s.attended_minutes, st.staff_no, s.load_id
        FROM session s JOIN episode_v4 e ON e.episode_id = s.episode_id
        LEFT JOIN staff st ON st.staff_id = s.staff_id
        ORDER BY 1, 2, 3;

    INSERT INTO assessment_v4 (episode_no, natural_key, assessed_day, instrument_no, item_responses, score,
                               score_decimals, scoring_method, timepoint, load_id)
        SELECT e.episode_no, a.natural_key, \(dayNumber("a.assessed_on")), i.instrument_no, a.item_responses,
               a.score, a.score_decimals, \(StoredCodes.scoringMethod.numberFromText("a.scoring_method")),
               \(StoredCodes.timepoint.numberFromText("a.timepoint")), a.load_id
        FROM assessment a JOIN episode_v4 e ON e.episode_id = a.episode_id
        JOIN instrument i ON i.code = a.instrument
        ORDER BY 1, 2;

    INSERT INTO goal_v4 (episode_no, natural_key, goal_id, domain, weight, baseline_level, attained_level, rated_day,
                         load_id)
        SELECT e.episode_no, g.natural_key, g.goal_id, g.domain, g.weight, g.baseline_level, g.attained_level,
               \(dayNumber("g.rated_on")), g.load_id
        FROM goal g JOIN episode_v4 e ON e.episode_id = g.episode_id
        ORDER BY 1, 2;
    """
}
