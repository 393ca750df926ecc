import OutcomesCore

/// Validates rows of `sessions` (grain: one row per scheduled session).
struct SessionRowValidator: TableRowValidator {
    /// Minutes in a day: the most a session can be scheduled or attended for.
    static let minutesRange = 0...1440

    let context: ValidationContext
    let id, episode, patient, date, type, modality, status, scheduled, attended, staff: ColumnRef

    init(layout: ColumnLayout, context: ValidationContext) {
        self.context = context
        (id, episode, date) = (layout.column("session_id"), layout.column("episode_id"), layout.column("session_date"))
        patient = layout.column("patient_id")
        (type, modality, status) = (layout.column("session_type"), layout.column("modality"), layout.column("status"))
        (scheduled, attended, staff) = (layout.column("scheduled_minutes"), layout.column("attended_minutes"), layout.column("staff_id"))
    }

    func validate(_ row: RowFields) throws(RowReject) -> CanonicalRecord {
        let sessionID = row.text(id)
        let key = try context.episodeKey(row, episode: episode, patient: patient)
        let day = try row.requiredDate(date)
        let (episodeID, span) = try context.resolve(key, on: day, table: .sessions, dateColumn: date.name)
        if day < span.admission {
            throw RowReject(date.name, .outsideEpisode, "\(day) is before the episode's admission on \(span.admission)")
        }
        if let discharge = span.discharge, day > discharge {
            throw RowReject(date.name, .outsideEpisode, "\(day) is after the episode's discharge on \(discharge)")
        }
        let sessionType = try row.requiredCode(type, CodeTables.sessionType)
        let sessionModality = try row.code(modality, CodeTables.modality, required: false)
        let sessionStatus = try row.requiredCode(status, CodeTables.sessionStatus)
        let scheduledMinutes = try row.requiredInt(scheduled, range: Self.minutesRange)
        let attendedMinutes = try row.int(attended, required: false, range: Self.minutesRange)
        return .session(Session(
            sessionID: sessionID, episodeID: episodeID, date: day, type: sessionType, modality: sessionModality,
            status: sessionStatus, scheduledMinutes: scheduledMinutes, attendedMinutes: attendedMinutes,
            staffID: row.text(staff)))
    }
}
