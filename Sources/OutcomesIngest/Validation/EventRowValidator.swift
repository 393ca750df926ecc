import OutcomesCore

/// Validates rows of `events` (grain: one row per clinical event of a patient).
struct EventRowValidator: TableRowValidator {
    let context: ValidationContext
    let patient, date, type, source: ColumnRef

    init(layout: ColumnLayout, context: ValidationContext) {
        self.context = context
        (patient, date) = (layout.column("patient_id"), layout.column("event_date"))
        (type, source) = (layout.column("event_type"), layout.column("source"))
    }

    func validate(_ row: RowFields) throws(RowReject) -> CanonicalRecord {
        let patientID = try row.required(patient)
        let day = try row.requiredDate(date)
        let eventType = try row.requiredCode(type, CodeTables.eventType)
        return .event(ClinicalEvent(
            patientKey: context.pseudonymizer.pseudonym(for: patientID), date: day, type: eventType, source: row.text(source)))
    }
}
