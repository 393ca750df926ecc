import OutcomesCore

/// How one canonical table looks in the EHR-flavoured export: its source columns and the
/// source spelling of each coded value. The export writer and `mapping.yaml` both read it,
/// so the two cannot disagree.
struct EHRTable {
    var table: CanonicalTable
    /// Source columns in file order; `canonical` is nil for columns the pipeline ignores.
    var columns: [(source: String, canonical: String?)]
    /// Canonical column -> (source value, canonical value) pairs.
    var values: [(column: String, pairs: [(source: String, canonical: String)])] = []
    /// Canonical date columns (or source columns) whose format differs from the file-wide `MM/dd/yyyy`.
    var dateFormats: [(column: String, format: String)] = []
    /// The file name's stem: the canonical table's name for the wide files.
    var fileStem: String? = nil

    /// The source spelling of canonical `value` in `column` (the value itself when not translated).
    func source(_ value: String, column: String) -> String {
        guard let pairs = values.first(where: { $0.column == column })?.pairs else { return value }
        return pairs.first { $0.canonical == value }?.source ?? value
    }
}

/// The EHR export's vocabulary, table by table.
enum EHRVocabulary {
    static let dateFormat = "MM/dd/yyyy"

    static let tables: [EHRTable] = [episodes, sessions, assessments, goals, events]

    /// The real export shapes (see `EHRShapes`), mapped into the same tables as the wide files.
    static let shapes: [EHRTable] = [appointments, flowsheet, measuresFeed]

    /// The program's local zone, in which the flowsheet's date-times count.
    static let timeZone = "America/Chicago"

    /// Appointments keyed by MRN, with date-times (monthly files).
    static let appointments = EHRTable(
        table: .sessions,
        columns: [("Appt ID", "session_id"), ("MRN", "patient_id"), ("Appt Start", "session_date"),
                  ("Appt Type", "session_type"), ("Visit Mode", "modality"), ("Appt Status", "status"),
                  ("Scheduled Min", "scheduled_minutes"), ("Minutes Attended", "attended_minutes"),
                  ("Provider ID", "staff_id")],
        dateFormats: [("Appt Start", "MM/dd/yyyy hh:mm a")])

    /// The flowsheet export: one row per PHQ-9 or GAD-7 item answer, as text.
    static let flowsheet = EHRTable(
        table: .assessments,
        columns: [("MRN", "patient_id"), ("Recorded At", "assessed_on"), ("Flowsheet", "instrument"),
                  ("Flowsheet Row", "item"), ("Value", "answer"), ("Encounter Type", "timepoint")],
        values: [("answer", [("Not at all", "0"), ("Several days", "1"), ("More than half the days", "2"),
                             ("Nearly every day", "3")])],
        dateFormats: [("Recorded At", "iso8601")], fileStem: "flowsheet")

    /// The measurement platform's feed: totals only, keyed by MRN.
    static let measuresFeed = EHRTable(
        table: .assessments,
        columns: [("MRN", "patient_id"), ("Score Date", "assessed_on"), ("Measure", "instrument"), ("Score", "total"),
                  ("Administration", "timepoint")],
        dateFormats: [("Score Date", "yyyy-MM-dd")], fileStem: "measures-feed")

    static let episodes = EHRTable(
        table: .episodes,
        columns: [("MRN", "patient_id"), ("Episode #", "episode_id"), ("Track", "program"), ("Location", "site"),
                  ("Level of Care", "level_of_care"), ("Admit Date", "admission_date"),
                  ("Discharge Date", "discharge_date"), ("Discharge Disposition", "discharge_reason"),
                  ("Age at Admit", "age_at_admission"), ("Sex", "sex"), ("Race", "race"), ("Ethnicity", "ethnicity"),
                  ("Primary Payer", "payer"), ("Referral Source", "referral_source"), ("Primary Dx Code", "primary_dx"),
                  ("Planned Weeks", "planned_weeks"), ("Primary Clinician", nil)],
        values: [
            ("program", [("Adult Mental Health", "adult-mh"), ("Adolescent", "adolescent"),
                         ("Dual Diagnosis", "dual-diagnosis"), ("Substance Use", "sud"), ("Trauma/PTSD", "trauma"),
                         ("Eating Disorders", "eating-disorders")]),
            ("site", [("Riverside Clinic", "riverside"), ("Downtown Center", "downtown"),
                      ("Lakeview Campus", "lakeview")]),
            ("level_of_care", [("Intensive Outpatient", "IOP"), ("Partial Hospitalization", "PHP")]),
            ("discharge_reason", [("Completed", "completed"), ("Step Up - Higher Level of Care", "step_up"),
                                  ("Step Down - Lower Level of Care", "step_down"), ("AMA", "ama"),
                                  ("Lost to Contact", "lost_to_contact"), ("Administrative Discharge", "administrative"),
                                  ("Transferred", "transferred"), ("Other", "other")]),
            ("sex", [("F", "female"), ("M", "male"), ("X", "other")]),
        ])

    static let sessions = EHRTable(
        table: .sessions,
        columns: [("Appt ID", "session_id"), ("Episode #", "episode_id"), ("Appt Date", "session_date"),
                  ("Appt Type", "session_type"), ("Visit Mode", "modality"), ("Appt Status", "status"),
                  ("Scheduled Min", "scheduled_minutes"), ("Minutes Attended", "attended_minutes"),
                  ("Provider ID", "staff_id"), ("Clinician Name", nil), ("Room", nil)],
        values: [
            ("session_type", [("Group Therapy", "group"), ("Individual Therapy", "individual"),
                              ("Family Therapy", "family"), ("Medication Management", "psychiatry"),
                              ("Psychoeducation", "psychoeducation"), ("Other", "other")]),
            ("modality", [("In Person", "in_person"), ("Telehealth", "telehealth")]),
            ("status", [("Attended", "attended"), ("Arrived Late", "late"), ("Left Early", "left_early"),
                        ("No Show", "no_show"), ("Cancelled by Patient", "cancelled_patient"),
                        ("Cancelled by Clinic", "cancelled_program"), ("Excused", "excused")]),
        ])

    static let assessments = EHRTable(
        table: .assessments,
        columns: [("Episode #", "episode_id"), ("Date Administered", "assessed_on"), ("Measure", "instrument")]
            + (1...CanonicalWriter.itemColumns).map { ("Q\($0)", "item_\($0)") }
            + [("Total Score", "total"), ("Administration", "timepoint"), ("Entered By", nil)],
        values: [
            ("instrument", [("PHQ9", "PHQ-9"), ("GAD7", "GAD-7"), ("PCL5", "PCL-5"), ("AUDIT-10", "AUDIT"),
                            ("DAST10", "DAST-10")]),
            ("timepoint", [("Intake", "intake"), ("Weekly", "weekly"), ("Discharge", "discharge"),
                           ("30-Day Follow-up", "followup_30"), ("90-Day Follow-up", "followup_90"),
                           ("Other", "other")]),
        ])

    static let goals = EHRTable(
        table: .goals,
        columns: [("Episode #", "episode_id"), ("Goal #", "goal_id"), ("Goal Area", "domain"), ("Priority", "weight"),
                  ("Baseline Level", "baseline_level"), ("Outcome Rating", "attained_level"),
                  ("Rated Date", "rated_on"), ("Goal Text", nil)],
        values: [
            ("domain", [("Symptom Reduction", "symptoms"), ("Coping Skills", "coping"),
                        ("Relationships", "relationships"), ("Work/School", "work-school"), ("Sobriety", "sobriety"),
                        ("Safety", "safety"), ("Daily Living", "daily-living")]),
        ],
        dateFormats: [("rated_on", "yyyy-MM-dd")])

    static let events = EHRTable(
        table: .events,
        columns: [("MRN", "patient_id"), ("Event Date", "event_date"), ("Event", "event_type"),
                  ("Source System", "source"), ("Recorded By", nil)],
        values: [
            ("event_type", [("ED Visit", "ed_visit"), ("Inpatient Psych Admission", "psych_inpatient"),
                            ("PHP Admission", "php_admission"), ("Crisis Contact", "crisis_contact"),
                            ("Reported Substance Use", "substance_use"), ("Positive UDS", "positive_tox"),
                            ("Self-Harm", "self_harm"), ("Suicide Attempt", "suicide_attempt")]),
        ])
}
