import OutcomesCore

/// Turns FHIR resources into canonical rows (SPEC section 2, FHIR R4), which the CSV
/// validators then check: the same rules, the same reasons, the same pseudonyms. A class, not
/// changed after `init`: both threads of a load use one for every line, and copying its index
/// per line cost a retain and a release of each of its tables.
final class FHIRConverter {
    let index: FHIRIndex
    let registry: InstrumentRegistry
    let settings: Mapping.FHIRSettings
    /// LOINC code -> what it is in the registry.
    let codes: LOINCIndex
    /// The mapping's extension columns of each table (a list: hashing a table hashed its name).
    private let extensionColumns: [(table: CanonicalTable, columns: [ExtensionColumn])]

    /// A column the mapping reads from an extension: its URL, and the path named when it is missing.
    private struct ExtensionColumn {
        var column: String
        var url: String
        var missing: String
    }

    init(index: FHIRIndex, registry: InstrumentRegistry, settings: Mapping.FHIRSettings) {
        self.index = index
        self.registry = registry
        self.settings = settings
        codes = index.codes
        let columns = settings.extensions.sorted { $0.key < $1.key }.map {
            ExtensionColumn(column: $0.key, url: $0.value, missing: "$.extension[url=\($0.value)]")
        }
        extensionColumns = CanonicalTable.allCases.map { table in
            (table, columns.filter { table.isCanonicalColumn($0.column) })
        }
    }

    func convert(_ resource: FHIRResource) -> FHIRConverted {
        if resource.status == "entered-in-error" { return .skipped("\(resource.resourceType) (entered in error)") }
        switch resource.resourceType {
        case "EpisodeOfCare" where ["planned", "waitlist"].contains(resource.status ?? ""):
            return .skipped("EpisodeOfCare (\(resource.status ?? "planned"), not admitted)")
        case "EpisodeOfCare" where resource.status == "finished" && resource.period?.end == nil:
            let problem = FHIRLineProblem(path: "$.period.end",
                                          message: "a finished episode needs period.end (its discharge date)")
            return .rejected(.episodes, problem, .missingField)
        case "EpisodeOfCare": return .row(.episodes, episode(resource))
        case "Encounter": return .row(.sessions, encounter(resource))
        case "Appointment": return .row(.sessions, appointment(resource))
        case "Goal": return .row(.goals, goal(resource))
        case "QuestionnaireResponse": return questionnaireResponse(resource)
        case "Observation": return observation(resource)
        case let type where FHIRConverted.supportingTypes.contains(type): return .supporting
        case let type: return .skipped(type)
        }
    }

    /// Sets every column the mapping reads from an extension of `resource`.
    func extensions(_ resource: FHIRResource, into row: inout FHIRRow, table: CanonicalTable) {
        guard let columns = extensionColumns.first(where: { $0.table == table })?.columns else { return }
        let present = resource.extension ?? []
        for column in columns {
            guard let position = present.firstIndex(where: { $0.url == column.url }) else {
                row.set(column.column, nil, at: column.missing)
                continue
            }
            let path = position < Self.extensionPaths.count ? Self.extensionPaths[position] : "$.extension[\(position)]"
            row.set(column.column, present[position].text, at: path)
        }
    }

    /// `$.extension[0]` ... `$.extension[15]`, made once rather than for every row.
    private static let extensionPaths = (0..<16).map { "$.extension[\($0)]" }

    // MARK: - Episodes and sessions

    private func episode(_ r: FHIRResource) -> FHIRRow {
        var row = FHIRRow()
        let patientID = r.patient?.id(of: "Patient")
        let patient = index.patient(patientID)
        row.set("patient_id", patient?.sourceID, at: "$.patient")
        row.set("episode_id", r.id, at: "$.id")
        row.set("program", r.type?.first?.firstCode, at: "$.type[0]")
        row.set("site", r.managingOrganization?.display, at: "$.managingOrganization")
        row.set("admission_date", r.period?.start, at: "$.period.start")
        row.set("discharge_date", r.period?.end, at: "$.period.end")
        let admitted = r.period?.start.flatMap { DateFormat.iso8601.parse($0) }
        if let birth = patient?.birthDate, let admitted {
            row.set("age_at_admission", String(Self.age(born: birth, on: admitted)), at: "$.patient")
        }
        row.set("sex", patient?.gender, at: "$.patient")
        row.set("race", patient?.race, at: "$.patient")
        row.set("ethnicity", patient?.ethnicity, at: "$.patient")
        row.set("payer", patientID.flatMap { index.payer(patient: $0, on: admitted) }, at: "$.patient")
        let primary = r.diagnosis?.min { ($0.rank ?? Int.max) < ($1.rank ?? Int.max) }
        row.set("primary_dx", primary?.condition?.id(of: "Condition").flatMap { index.conditions[$0] }, at: "$.diagnosis")
        extensions(r, into: &row, table: .episodes)
        return row
    }

    /// Whole years from `born` to `day` (the birthday counts from its day).
    static func age(born: Day, on day: Day) -> Int {
        let years = day.year - born.year
        return (day.month, day.day) < (born.month, born.day) ? years - 1 : years
    }

    private func encounter(_ r: FHIRResource) -> FHIRRow {
        var row = FHIRRow()
        row.set("session_id", r.id, at: "$.id")
        if let episode = r.episodeOfCare?.first?.id(of: "EpisodeOfCare") {
            row.set("episode_id", episode, at: "$.episodeOfCare[0]")
        } else {
            row.set("patient_id", index.patient(r.subject?.id(of: "Patient"))?.sourceID, at: "$.subject")
        }
        row.set("session_date", r.period?.start, at: "$.period.start")
        row.set("session_type", r.type?.first?.firstCode ?? r.serviceType?.first?.firstCode, at: "$.type[0]")
        row.set("modality", r.class?.code.map(Self.modality), at: "$.class")
        row.set("status", r.status.map(Self.encounterStatus), at: "$.status")
        row.set("scheduled_minutes", Self.minutes(r.period?.start, r.period?.end), at: "$.period")
        row.set("attended_minutes", r.length?.value?.text, at: "$.length")
        row.set("staff_id", r.participant?.first?.individual?.reference.map(Self.lastPart), at: "$.participant[0]")
        extensions(r, into: &row, table: .sessions)
        return row
    }

    private func appointment(_ r: FHIRResource) -> FHIRRow {
        var row = FHIRRow()
        row.set("session_id", r.id, at: "$.id")
        let patient = r.participant?.lazy.compactMap { $0.actor?.id(of: "Patient") }.first
        row.set("patient_id", index.patient(patient)?.sourceID, at: "$.participant")
        row.set("session_date", r.start, at: "$.start")
        row.set("session_type", r.appointmentType?.firstCode ?? r.serviceType?.first?.firstCode, at: "$.appointmentType")
        let status = r.status.map { Self.appointmentStatus($0, reason: r.cancelationReason?.firstCode) }
        row.set("status", status, at: "$.status")
        row.set("scheduled_minutes", r.minutesDuration.map(String.init) ?? Self.minutes(r.start, r.end), at: "$.minutesDuration")
        let staff = r.participant?.lazy.compactMap { $0.actor?.reference }.first { !$0.hasPrefix("Patient/") }
        row.set("staff_id", staff.map(Self.lastPart), at: "$.participant")
        extensions(r, into: &row, table: .sessions)
        return row
    }

    /// `VR` (virtual) is telehealth, `AMB` (ambulatory) in person; other codes go to the mapping.
    static func modality(_ code: String) -> String {
        switch code {
        case "VR": return "telehealth"
        case "AMB": return "in_person"
        default: return code
        }
    }

    /// `finished` and `arrived` are attended; `cancelled` is a patient cancellation (an
    /// Encounter does not say who cancelled; a status extension can); other codes go to the mapping.
    static func encounterStatus(_ code: String) -> String {
        switch code {
        case "finished", "arrived": return "attended"
        case "cancelled": return "cancelled_patient"
        default: return code
        }
    }

    /// `fulfilled`, `arrived` and `checked-in` are attended, `noshow` a no-show, `cancelled` by
    /// the patient when the cancelation reason is a patient's (`pat`...), else by the program.
    static func appointmentStatus(_ code: String, reason: String?) -> String {
        switch code {
        case "fulfilled", "arrived", "checked-in": return "attended"
        case "noshow": return "no_show"
        case "cancelled": return reason?.hasPrefix("pat") == true ? "cancelled_patient" : "cancelled_program"
        default: return code
        }
    }

    /// Minutes between two date-times with times (nil when either lacks one).
    static func minutes(_ start: String?, _ end: String?) -> String? {
        guard let start, let end, let from = FHIRInstant(start), let to = FHIRInstant(end) else { return nil }
        return String(to.minutes - from.minutes)
    }

    static func lastPart(_ reference: String) -> String { lastNonEmptyPart(of: reference) ?? reference }

    /// The last non-empty part of a reference between slashes (`Practitioner/L01` -> `L01`); nil
    /// when it is all slashes. (Splitting it into every part cost an array per row.)
    static func lastNonEmptyPart(of reference: String) -> String? {
        let slash = UInt8(ascii: "/")
        let utf8 = reference.utf8
        var end = utf8.endIndex
        while end > utf8.startIndex, utf8[utf8.index(before: end)] == slash { end = utf8.index(before: end) }
        guard end > utf8.startIndex else { return nil }
        let start = utf8[..<end].lastIndex(of: slash).map(utf8.index(after:)) ?? utf8.startIndex
        return String(Substring(utf8[start..<end]))
    }

    // MARK: - Goals

    /// A Goal's GAS level comes from the mapping's extension, else from the latest Observation
    /// whose `focus` is the Goal (`valueInteger`, dated by `effectiveDateTime` when the Goal has
    /// no `statusDate`).
    private func goal(_ r: FHIRResource) -> FHIRRow {
        var row = FHIRRow()
        row.set("patient_id", index.patient(r.subject?.id(of: "Patient"))?.sourceID, at: "$.subject")
        if let value = r.identifier?.first?.value {
            row.set("goal_id", value, at: "$.identifier[0]")
        } else {
            row.set("goal_id", r.id, at: "$.id")
        }
        row.set("domain", r.category?.first?.firstCode, at: "$.category[0]")
        row.set("rated_on", r.statusDate, at: "$.statusDate")
        extensions(r, into: &row, table: .goals)
        if row.value("attained_level") == nil, let rating = index.rating(ofGoal: r.id) {
            let source = "Observation/\(rating.observationID) "
            row.set("attained_level", rating.level, at: source + "$.valueInteger")
            if row.value("rated_on") == nil { row.set("rated_on", rating.date, at: source + "$.effectiveDateTime") }
        }
        if row.value("episode_id") != nil { row.remove("patient_id") }
        return row
    }
}

/// A FHIR instant or dateTime with a time, as minutes since 1970 in UTC (for durations).
struct FHIRInstant {
    let minutes: Int

    init?(_ text: String) {
        let bytes = Array(text.utf8)
        var scanner = DateScanner(bytes: bytes, index: 0, end: bytes.count)
        guard let written = scanner.iso8601(), scanner.index == scanner.end, let minute = written.minute else { return nil }
        minutes = written.day.ordinal * 1440 + minute - (written.offsetMinutes ?? 0)
    }
}
