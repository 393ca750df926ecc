import GRDB
import OutcomesCore

/// Reading back: a row that does not decode is counted and reported (`StoreError.unreadableRows`),
/// never skipped or read as a default.
extension OutcomesDatabase {
    /// Every episode, ordered by episode id.
    public func episodes() throws -> [Episode] {
        try writer.read { db in
            var episodes: [Episode] = []
            try ResultReader.forEachRecord(db, table: "episode", keyColumn: "episode_id", keyIndex: 1, sql: """
                SELECT patient_key, episode_id, program, site, level_of_care, admission_date, discharge_date,
                       discharge_reason, age_at_admission, sex, race, ethnicity, payer, referral_source, primary_dx,
                       planned_weeks
                FROM episode ORDER BY episode_id
                """) { row in
                episodes.append(Episode(
                    patientKey: row.string(0), episodeID: row.string(1), program: row.string(2), site: row.text(3),
                    levelOfCare: try row.requiredCode(4, as: LevelOfCare.self), admissionDate: try row.requiredDay(5),
                    dischargeDate: try row.optionalDay(6),
                    dischargeReason: try row.optionalCode(7, as: DischargeReason.self),
                    ageAtAdmission: try row.optionalInt(8), sex: row.text(9), race: row.text(10),
                    ethnicity: row.text(11), payer: row.text(12), referralSource: row.text(13),
                    primaryDx: row.text(14), plannedWeeks: try row.optionalInt(15)))
            }
            return episodes
        }
    }

    /// Streams sessions dated within `window` (all when nil), without holding them: millions of
    /// rows go straight into the caller's columns. Storage (natural-key) order: sorting millions
    /// of rows costs seconds, and the analysis indexes rows by episode and date itself.
    public func forEachSession(in window: Period? = nil, _ body: (Session) throws -> Void) throws {
        try writer.read { db in
            let filter = window == nil ? "" : "WHERE session_date BETWEEN ? AND ?"
            let arguments = window.map { [SQLValue.text($0.from.description), .text($0.to.description)] } ?? []
            try ResultReader.forEachRecord(db, table: "session", keyColumn: "natural_key", keyIndex: 9, sql: """
                SELECT session_id, episode_id, session_date, session_type, modality, status, scheduled_minutes,
                       attended_minutes, staff_id, natural_key
                FROM session \(filter)
                """, arguments: arguments) { row in
                let session = Session(
                    sessionID: row.text(0), episodeID: row.string(1), date: try row.requiredDay(2),
                    type: try row.requiredCode(3, as: SessionType.self),
                    modality: try row.optionalCode(4, as: Modality.self),
                    status: try row.requiredCode(5, as: SessionStatus.self), scheduledMinutes: try row.requiredInt(6),
                    attendedMinutes: try row.optionalInt(7), staffID: row.text(8))
                try body(session)
            }
        }
    }

    /// Streams every assessment, ordered by episode, instrument and date (the natural key's
    /// order, so no sort). Item responses are read only when asked for: analysis needs scores.
    /// Scores come back exact: `score` units of 10^-`score_decimals` (migration v3).
    public func forEachAssessment(includingItems: Bool, _ body: (Assessment) throws -> Void) throws {
        try writer.read { db in
            try ResultReader.forEachRecord(db, table: "assessment", keyColumn: "natural_key", keyIndex: 8, sql: """
                SELECT episode_id, assessed_on, instrument, item_responses, score, score_decimals, scoring_method,
                       timepoint, natural_key
                FROM assessment ORDER BY natural_key
                """) { row in
                let assessment = Assessment(
                    episodeID: row.string(0), assessedOn: try row.requiredDay(1), instrument: row.string(2),
                    items: includingItems ? try row.itemResponses(3) : [], score: try row.requiredScore(4, decimals: 5),
                    scoring: try row.requiredCode(6, as: ScoringMethod.self),
                    timepoint: try row.optionalCode(7, as: Timepoint.self))
                try body(assessment)
            }
        }
    }

    /// Every goal, ordered by episode and goal id.
    public func goals() throws -> [Goal] {
        try writer.read { db in
            var goals: [Goal] = []
            try ResultReader.forEachRecord(db, table: "goal", keyColumn: "natural_key", keyIndex: 7, sql: """
                SELECT episode_id, goal_id, domain, weight, baseline_level, attained_level, rated_on, natural_key
                FROM goal ORDER BY episode_id, goal_id
                """) { row in
                goals.append(Goal(
                    episodeID: row.string(0), goalID: row.string(1), domain: row.text(2),
                    weight: try row.requiredDouble(3), baselineLevel: try row.requiredInt(4),
                    attainedLevel: try row.optionalInt(5), ratedOn: try row.optionalDay(6)))
            }
            return goals
        }
    }

    /// Every clinical event, ordered by patient and date.
    public func events() throws -> [ClinicalEvent] {
        try writer.read { db in
            var events: [ClinicalEvent] = []
            try ResultReader.forEachRecord(db, table: "clinical_event", keyColumn: "natural_key", keyIndex: 4, sql: """
                SELECT patient_key, event_date, event_type, source, natural_key
                FROM clinical_event ORDER BY patient_key, event_date
                """) { row in
                events.append(ClinicalEvent(
                    patientKey: row.string(0), date: try row.requiredDay(1),
                    type: try row.requiredCode(2, as: EventType.self), source: row.text(3)))
            }
            return events
        }
    }
}

extension ResultReader {
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

    /// An exact score stored as whole units (column `index`) of 10^-decimals (column `decimals`).
    func requiredScore(_ index: Int32, decimals: Int32) throws(UndecodableColumn) -> Score {
        let units = try requiredInt(index)
        guard let score = Score(units: Int64(units), decimals: try requiredInt(decimals)) else {
            throw UndecodableColumn(index: decimals)
        }
        return score
    }
}
