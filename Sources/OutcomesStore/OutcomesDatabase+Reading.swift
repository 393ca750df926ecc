import GRDB
import OutcomesCore

/// Reading back: a row that does not decode is counted and reported (`StoreError.unreadableRows`),
/// never skipped or read as a default.
extension OutcomesDatabase {
    /// Every episode, ordered by episode id.
    public func episodes() throws -> [Episode] { try numberedEpisodes().episodes }

    /// Every episode with its store number, in identifier order.
    public func numberedEpisodes() throws -> (episodes: [Episode], numbers: [Int64]) {
        // Sized up front: 200,000 episodes grown by doubling held 60 MB of array for 46 MB of values.
        let count = try episodeCount()
        var episodes: [Episode] = []
        var numbers: [Int64] = []
        episodes.reserveCapacity(count)
        numbers.reserveCapacity(count)
        try forEachNumberedEpisode { episode, number in
            episodes.append(episode)
            numbers.append(number)
        }
        return (episodes, numbers)
    }

    /// The `WHERE` clause and its arguments that keep the episodes open at some time in `period`:
    /// admitted by its last day and not discharged before its first (ISO dates compare as text).
    /// No clause when nil.
    private static func openEpisodes(_ period: Period?) -> (filter: String, arguments: [SQLValue]) {
        guard let period else { return ("", []) }
        return ("WHERE admission_date <= ? AND (discharge_date IS NULL OR discharge_date >= ?)",
                [.text(period.to.description), .text(period.from.description)])
    }

    /// The number of stored episodes.
    public func episodeCount() throws -> Int {
        try writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM episode") ?? 0 }
    }

    /// Every episode with its store number, in identifier order, one at a time (a loader keeps
    /// them in its own form, with no array of `Episode` values in between); only those open at
    /// some time in `period` (admitted by its end, not discharged before its start) when given.
    public func forEachNumberedEpisode(open period: Period? = nil, _ body: (Episode, Int64) throws -> Void) throws {
        // Program, site and the demographic columns repeat a few values: one String each.
        var shared = TextInterner()
        try forEachEpisodeRow(open: period) { row in
            func text(_ field: Int) -> String? { row.texts[field].map { shared.string($0) } }
            try body(Episode(
                patientKey: String(decoding: row.patientKey, as: UTF8.self), episodeID: row.episodeID,
                program: text(0) ?? "", site: text(1), levelOfCare: row.levelOfCare,
                admissionDate: row.admissionDate, dischargeDate: row.dischargeDate,
                dischargeReason: row.dischargeReason, ageAtAdmission: row.ageAtAdmission, sex: text(2),
                race: text(3), ethnicity: text(4), payer: text(5), referralSource: text(6), primaryDx: text(7),
                plannedWeeks: row.plannedWeeks), row.number)
        }
    }

    /// Every episode open at some time in `period` (all when nil), in identifier order, as the
    /// bytes of its texts (`StoredEpisodeRow`: valid during the call only), no `String` made but
    /// its identifier.
    public func forEachEpisodeRow(open period: Period? = nil, _ body: (StoredEpisodeRow) throws -> Void) throws {
        let (filter, arguments) = Self.openEpisodes(period)
        try writer.read { db in
            try ResultReader.forEachRecord(db, table: "episode", keyColumn: "episode_id", keyIndex: 1, sql: """
                SELECT patient_key, episode_id, program, site, level_of_care, admission_date, discharge_date,
                       discharge_reason, age_at_admission, sex, race, ethnicity, payer, referral_source, primary_dx,
                       planned_weeks, episode_no
                FROM episode \(filter) ORDER BY episode_id
                """, arguments: arguments) { row in
                func text(_ index: Int32) -> UnsafeBufferPointer<UInt8>? { row.isNull(index) ? nil : row.utf8(index) }
                try body(StoredEpisodeRow(
                    number: Int64(try row.requiredInt(16)), patientKey: row.utf8(0), episodeID: row.string(1),
                    texts: [text(2), text(3), text(9), text(10), text(11), text(12), text(13), text(14)],
                    levelOfCare: try row.requiredCode(4, as: LevelOfCare.self), admissionDate: try row.requiredDay(5),
                    dischargeDate: try row.optionalDay(6),
                    dischargeReason: try row.optionalCode(7, as: DischargeReason.self),
                    ageAtAdmission: try row.optionalInt(8), plannedWeeks: try row.optionalInt(15)))
            }
        }
    }

    /// Every episode's admission and discharge, in `episode_no` order, with its `episode_no` at the
    /// same position: what deciding which rows to read needs, without reading whole episodes.
    /// Only the episodes open at some time in `period` when given, as `forEachNumberedEpisode`.
    public func episodeSpansByNumber(open period: Period? = nil) throws -> (numbers: [Int64], spans: [EpisodeSpan]) {
        let (filter, arguments) = Self.openEpisodes(period)
        return try writer.read { db in
            var numbers: [Int64] = []
            var spans: [EpisodeSpan] = []
            try ResultReader.forEachRecord(db, table: "episode", keyColumn: "episode_id", keyIndex: 3, sql: """
                SELECT episode_no, admission_date, discharge_date, episode_id FROM episode \(filter) ORDER BY episode_no
                """, arguments: arguments) { row in
                let span = EpisodeSpan(admission: try row.requiredDay(1), discharge: try row.optionalDay(2))
                numbers.append(Int64(try row.requiredInt(0)))
                spans.append(span)
            }
            return (numbers, spans)
        }
    }

    /// Streams the sessions of the episodes numbered in `episodes` (ranges of `episode_no`)
    /// dated up to `last`, as numbers (no String): millions of sessions go straight into the
    /// caller's columns. Read from the per-episode packs (`SessionPack`); ordered by episode and
    /// date, the table's own order.
    public func forEachSessionFacts(
        ofEpisodes episodes: [ClosedRange<Int64>], through last: Day, _ body: (SessionFacts) throws -> Void
    ) throws {
        try writer.read { db in
            try SessionPack.forEachPack(db, ofEpisodes: episodes) { episode, pack in
                try SessionPack.decode(&pack, episode: episode, through: last, body)
            }
        }
    }

    /// Streams the assessment totals of the episodes numbered in `episodes`, as numbers (no item
    /// responses, no String), ordered by episode. Read from the per-episode packs (`AssessmentPack`).
    public func forEachAssessmentFacts(
        ofEpisodes episodes: [ClosedRange<Int64>], _ body: (AssessmentFacts) throws -> Void
    ) throws {
        try writer.read { db in
            try AssessmentPack.forEachPack(db, ofEpisodes: episodes) { episode, pack in
                try AssessmentPack.decode(&pack, episode: episode, body)
            }
        }
    }

    /// The staff dictionary: staff id by `staff_no`.
    public func staffNames() throws -> [Int64: String] { try dictionary("SELECT staff_no, staff_id FROM staff") }

    /// The instrument dictionary: instrument code by `instrument_no`.
    public func instrumentCodes() throws -> [Int64: String] {
        try dictionary("SELECT instrument_no, code FROM instrument")
    }

    private func dictionary(_ sql: String) throws -> [Int64: String] {
        try writer.read { db in
            var names: [Int64: String] = [:]
            try ResultReader.forEach(db, sql: sql) { names[Int64($0.int(0) ?? 0)] = $0.string(1) }
            return names
        }
    }

    /// Streams sessions dated within `window` (all when nil), as records with their episode id,
    /// codes and staff id as text. Ordered by episode and date.
    public func forEachSession(in window: Period? = nil, _ body: (Session) throws -> Void) throws {
        try writer.read { db in
            let filter = window == nil ? "" : "WHERE s.session_day BETWEEN ? AND ?"
            let arguments = window.map { [SQLValue.integer(Int64($0.from.ordinal)), .integer(Int64($0.to.ordinal))] } ?? []
            try ResultReader.forEachRecord(db, table: "session", keyColumn: "natural_key", keyIndex: 9, sql: """
                SELECT s.session_id, e.episode_id, s.session_day, s.session_type, s.modality, s.status,
                       s.scheduled_minutes, s.attended_minutes, st.staff_id, s.natural_key
                FROM session s JOIN episode e ON e.episode_no = s.episode_no
                LEFT JOIN staff st ON st.staff_no = s.staff_no \(filter)
                ORDER BY s.episode_no, s.session_day, s.natural_key
                """, arguments: arguments) { row in
                try body(Session(
                    sessionID: row.text(0), episodeID: row.string(1), date: try row.requiredDayNumber(2),
                    type: try row.requiredCode(3, StoredCodes.sessionType),
                    modality: try row.optionalCode(4, StoredCodes.modality),
                    status: try row.requiredCode(5, StoredCodes.sessionStatus), scheduledMinutes: try row.requiredInt(6),
                    attendedMinutes: try row.optionalInt(7), staffID: row.text(8)))
            }
        }
    }

    /// Streams every assessment with its episode id and instrument code, ordered by episode,
    /// instrument and date. Item responses are read only when asked for: analysis needs scores.
    /// Scores come back exact: `score` units of 10^-`score_decimals` (migration v3).
    public func forEachAssessment(includingItems: Bool, _ body: (Assessment) throws -> Void) throws {
        try writer.read { db in
            try ResultReader.forEachRecord(db, table: "assessment", keyColumn: "natural_key", keyIndex: 8, sql: """
                SELECT e.episode_id, a.assessed_day, i.code, a.item_responses, a.score, a.score_decimals,
                       a.scoring_method, a.timepoint, a.natural_key
                FROM assessment a JOIN episode e ON e.episode_no = a.episode_no
                JOIN instrument i ON i.instrument_no = a.instrument_no
                ORDER BY a.natural_key
                """) { row in
                try body(Assessment(
                    episodeID: row.string(0), assessedOn: try row.requiredDayNumber(1), instrument: row.string(2),
                    items: includingItems ? try row.itemResponses(3) : [], score: try row.requiredScore(4, decimals: 5),
                    scoring: try row.requiredCode(6, StoredCodes.scoringMethod),
                    timepoint: try row.optionalCode(7, StoredCodes.timepoint)))
            }
        }
    }

    /// Every goal, ordered by episode id and goal id.
    public func goals() throws -> [Goal] {
        try writer.read { db in
            var goals: [Goal] = []
            try ResultReader.forEachRecord(db, table: "goal", keyColumn: "natural_key", keyIndex: 7, sql: """
                SELECT \(ResultReader.goalColumns), e.episode_id
                FROM goal g JOIN episode e ON e.episode_no = g.episode_no
                ORDER BY e.episode_id, g.goal_id
                """) { row in
                goals.append(try row.goalFacts().goal(episodeID: row.string(8)))
            }
            return goals
        }
    }

    /// Streams the goals of the episodes numbered in `episodes` (ranges of `episode_no`, read in
    /// one transaction) as facts keyed by episode number, each episode's in goal id order. Read
    /// from the per-episode packs (`GoalPack`).
    public func forEachGoalFacts(ofEpisodes episodes: [ClosedRange<Int64>], _ body: (GoalFacts) throws -> Void) throws {
        try writer.read { db in
            try GoalPack.forEachPack(db, ofEpisodes: episodes) { episode, pack in
                try GoalPack.decode(&pack, episode: episode, body)
            }
        }
    }

    /// Streams every clinical event, or those dated in `period` when given, in natural-key order,
    /// the table's own (streamed: each event holds a 64-character patient key, which the caller may
    /// replace by a copy it already has). Ordered by patient and date, the read went through the
    /// patient index and looked each row up by its key: 0.15 to 0.2 s of SQLite for 90,000 events
    /// in a 12-month window, against 0.03 s for the scan. The analysis groups events by patient and
    /// sorts each patient's by date itself (`GroupIndex`: same-day events in the order read).
    public func forEachEvent(in period: Period? = nil, _ body: (ClinicalEvent) throws -> Void) throws {
        let filter = period == nil ? "" : "WHERE event_date BETWEEN ? AND ?"
        let arguments = period.map { [SQLValue.text($0.from.description), .text($0.to.description)] } ?? []
        try writer.read { db in
            try ResultReader.forEachRecord(db, table: "clinical_event", keyColumn: "natural_key", keyIndex: 4, sql: """
                SELECT patient_key, event_date, event_type, source, natural_key
                FROM clinical_event \(filter) ORDER BY natural_key
                """, arguments: arguments) { row in
                try body(ClinicalEvent(
                    patientKey: row.string(0), date: try row.requiredDay(1),
                    type: try row.requiredCode(2, as: EventType.self), source: row.text(3)))
            }
        }
    }
}

extension ResultReader {
    /// The goal columns `goalFacts()` decodes, the natural key last (index 7), of `goal g`.
    static let goalColumns = """
        g.episode_no, g.goal_id, g.domain, g.weight, g.baseline_level, g.attained_level, g.rated_day, g.natural_key
        """

    /// A goal selected as `goalColumns`.
    func goalFacts() throws(UndecodableColumn) -> GoalFacts {
        GoalFacts(episodeNumber: Int64(try requiredInt(0)), goalID: string(1), domain: text(2),
                  weight: try requiredDouble(3), baselineLevel: try requiredInt(4), attainedLevel: try optionalInt(5),
                  ratedOn: try optionalDayNumber(6))
    }

    /// Item responses as stored (exact decimal text, comma-separated, blank for an unanswered
    /// item, empty when only a total was given); an entry that is neither blank nor a number throws.
    func itemResponses(_ index: Int32) throws(UndecodableColumn) -> [Score?] {
        let text = string(index)
        guard !text.isEmpty else { return [] }
        var items: [Score?] = []
        for entry in text.split(separator: ",", omittingEmptySubsequences: false) {
            if entry.isEmpty {
                items.append(nil)
            } else {
                guard let value = Score(entry) else { throw UndecodableColumn(index: index) }
                items.append(value)
            }
        }
        return items
    }
}
