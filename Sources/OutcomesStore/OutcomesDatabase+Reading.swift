import GRDB
import OutcomesCore

extension OutcomesDatabase {
    /// Every episode, ordered by episode id.
    public func episodes() throws -> [Episode] {
        try writer.read { db in
            var episodes: [Episode] = []
            try ResultReader.forEach(db, sql: """
                SELECT patient_key, episode_id, program, site, level_of_care, admission_date, discharge_date,
                       discharge_reason, age_at_admission, sex, race, ethnicity, payer, referral_source, primary_dx,
                       planned_weeks
                FROM episode ORDER BY episode_id
                """) { row in
                guard let admission = row.day(5) else { return }
                episodes.append(Episode(
                    patientKey: row.string(0), episodeID: row.string(1), program: row.string(2), site: row.text(3),
                    levelOfCare: row.code(4, as: LevelOfCare.self) ?? .iop, admissionDate: admission,
                    dischargeDate: row.day(6), dischargeReason: row.code(7, as: DischargeReason.self),
                    ageAtAdmission: row.int(8), sex: row.text(9), race: row.text(10), ethnicity: row.text(11),
                    payer: row.text(12), referralSource: row.text(13), primaryDx: row.text(14),
                    plannedWeeks: row.int(15)))
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
            try ResultReader.forEach(db, sql: """
                SELECT session_id, episode_id, session_date, session_type, modality, status, scheduled_minutes,
                       attended_minutes, staff_id
                FROM session \(filter)
                """, arguments: arguments) { row in
                guard let date = row.day(2), let type = row.code(3, as: SessionType.self),
                      let status = row.code(5, as: SessionStatus.self) else { return }
                try body(Session(
                    sessionID: row.text(0), episodeID: row.string(1), date: date, type: type,
                    modality: row.code(4, as: Modality.self), status: status, scheduledMinutes: row.int(6) ?? 0,
                    attendedMinutes: row.int(7), staffID: row.text(8)))
            }
        }
    }

    /// Streams every assessment, ordered by episode, instrument and date (the natural key's
    /// order, so no sort). Item responses are read only when asked for: analysis needs scores.
    /// Scores come back exact: `score` units of 10^-`score_decimals` (migration v3).
    public func forEachAssessment(includingItems: Bool, _ body: (Assessment) throws -> Void) throws {
        try writer.read { db in
            try ResultReader.forEach(db, sql: """
                SELECT episode_id, assessed_on, instrument, item_responses, score, score_decimals, scoring_method,
                       timepoint
                FROM assessment ORDER BY natural_key
                """) { row in
                guard let date = row.day(1), let units = row.int(4), let decimals = row.int(5),
                      let score = Score(units: Int64(units), decimals: decimals) else { return }
                let responses = includingItems ? row.string(3) : ""
                let items = responses.isEmpty
                    ? [] : responses.split(separator: ",", omittingEmptySubsequences: false).map { Score($0) }
                try body(Assessment(
                    episodeID: row.string(0), assessedOn: date, instrument: row.string(2), items: items,
                    score: score, scoring: row.code(6, as: ScoringMethod.self) ?? .totalOnly,
                    timepoint: row.code(7, as: Timepoint.self)))
            }
        }
    }

    /// Every goal, ordered by episode and goal id.
    public func goals() throws -> [Goal] {
        try writer.read { db in
            var goals: [Goal] = []
            try ResultReader.forEach(db, sql: """
                SELECT episode_id, goal_id, domain, weight, baseline_level, attained_level, rated_on
                FROM goal ORDER BY episode_id, goal_id
                """) { row in
                goals.append(Goal(
                    episodeID: row.string(0), goalID: row.string(1), domain: row.text(2), weight: row.double(3) ?? 1,
                    baselineLevel: row.int(4) ?? -1, attainedLevel: row.int(5), ratedOn: row.day(6)))
            }
            return goals
        }
    }

    /// Every clinical event, ordered by patient and date.
    public func events() throws -> [ClinicalEvent] {
        try writer.read { db in
            var events: [ClinicalEvent] = []
            try ResultReader.forEach(db, sql: """
                SELECT patient_key, event_date, event_type, source FROM clinical_event ORDER BY patient_key, event_date
                """) { row in
                guard let date = row.day(1), let type = row.code(2, as: EventType.self) else { return }
                events.append(ClinicalEvent(patientKey: row.string(0), date: date, type: type, source: row.text(3)))
            }
            return events
        }
    }
}
