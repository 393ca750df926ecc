import OutcomesCore

/// Validates rows of `episodes` (grain: one row per episode).
struct EpisodeRowValidator: TableRowValidator {
    let context: ValidationContext
    let patient, episode, program, site, levelOfCare, admission, discharge, reason, age: ColumnRef
    let sex, race, ethnicity, payer, referral, diagnosis, plannedWeeks: ColumnRef

    init(layout: ColumnLayout, context: ValidationContext) {
        self.context = context
        (patient, episode, program, site) = (layout.column("patient_id"), layout.column("episode_id"), layout.column("program"), layout.column("site"))
        (levelOfCare, admission) = (layout.column("level_of_care"), layout.column("admission_date"))
        (discharge, reason, age) = (layout.column("discharge_date"), layout.column("discharge_reason"), layout.column("age_at_admission"))
        (sex, race, ethnicity, payer) = (layout.column("sex"), layout.column("race"), layout.column("ethnicity"), layout.column("payer"))
        (referral, diagnosis, plannedWeeks) = (layout.column("referral_source"), layout.column("primary_dx"), layout.column("planned_weeks"))
    }

    func validate(_ row: RowFields) throws(RowReject) -> CanonicalRecord {
        let patientID = try row.required(patient)
        let episodeID = try row.required(episode)
        let programName = try row.required(program)
        let level = try row.code(levelOfCare, CodeTables.levelOfCare, required: false) ?? .iop
        let admitted = try row.requiredDate(admission)
        let discharged = try row.date(discharge, required: false)
        if discharged == nil, !row.isBlank(reason) {
            throw RowReject(discharge.name, .missingField, "a discharge reason is given without a discharge date")
        }
        if let discharged, discharged < admitted {
            throw RowReject(discharge.name, .dischargeBeforeAdmission, "discharge \(discharged) is before admission \(admitted)")
        }
        if discharged != nil, row.isBlank(reason) {
            throw RowReject(reason.name, .missingField, "a discharge date needs a discharge reason")
        }
        let dischargeReason = try row.code(reason, CodeTables.dischargeReason, required: false)
        let ageValue = try row.int(age, required: false, range: 0...120)
        return .episode(Episode(
            patientKey: context.pseudonymizer.pseudonym(for: patientID), episodeID: episodeID, program: programName,
            site: row.text(site), levelOfCare: level, admissionDate: admitted, dischargeDate: discharged,
            dischargeReason: dischargeReason, ageAtAdmission: ageValue, sex: row.text(sex), race: row.text(race),
            ethnicity: row.text(ethnicity), payer: row.text(payer), referralSource: row.text(referral),
            primaryDx: row.text(diagnosis), plannedWeeks: try row.int(plannedWeeks, required: false, range: 1...104)))
    }
}
