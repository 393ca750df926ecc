import OutcomesCore

/// Writes generated episodes the way a typical EHR exports them: its own column names and
/// vocabulary (EHRVocabulary), US dates, a UTF-8 BOM, CRLF line ends, a few extra columns the
/// pipeline ignores (synthetic clinician labels, never real names), and the real shapes of
/// `EHRShapes` (appointments keyed by MRN, a long flowsheet, a totals-only feed).
final class EHRExportWriter {
    private let episodes: CSVFileWriter
    private let sessions: CSVFileWriter
    private let assessments: CSVFileWriter
    private let goals: CSVFileWriter
    private let events: CSVFileWriter
    private let shapes: EHRShapeWriter

    init(directory: String, endDate: Day) throws {
        func open(_ table: EHRTable) throws -> CSVFileWriter {
            let writer = try CSVFileWriter(path: joinPath(directory, table.table.rawValue + ".csv"), crlf: true, bom: true)
            try writer.record(table.columns.map(\.source))
            return writer
        }
        episodes = try open(EHRVocabulary.episodes)
        sessions = try open(EHRVocabulary.sessions)
        assessments = try open(EHRVocabulary.assessments)
        goals = try open(EHRVocabulary.goals)
        events = try open(EHRVocabulary.events)
        shapes = try EHRShapeWriter(directory: directory, endDate: endDate)
    }

    func write(_ generated: GeneratedEpisode) throws {
        try writeEpisode(generated.episode)
        let patient = generated.episode.patientKey
        for s in generated.sessions {
            if shapes.isAppointment(s) {
                try shapes.writeAppointment(s, patient: patient)
                continue
            }
            sessions.text(s.sessionID)
            sessions.text(s.episodeID)
            sessions.day(s.date, us: true)
            sessions.sessionFields(s)
            sessions.text(s.staffID.map { "Clinician \($0)" })
            sessions.text(s.modality == .telehealth ? "Virtual" : s.type == .group ? "Group Room 2, East Wing" : "Office")
            try sessions.endRecord()
        }
        for a in generated.assessments {
            switch EHRShapes.file(of: a, in: generated.episode, firstLongDay: shapes.firstShapeDay) {
            case .flowsheet:
                try shapes.writeFlowsheet(a, patient: patient)
                continue
            case .feed:
                try shapes.writeFeed(a, patient: patient)
                continue
            case .wide: break
            }
            assessments.text(a.episodeID)
            assessments.day(a.assessedOn, us: true)
            assessments.text(EHRVocabulary.assessments.source(a.instrument, column: "instrument"))
            for index in 0..<CanonicalWriter.itemColumns {
                assessments.text(index < a.items.count ? a.items[index]?.description : nil)
            }
            assessments.text(a.score.description)
            assessments.text(a.timepoint.map { EHRVocabulary.assessments.source($0.rawValue, column: "timepoint") })
            assessments.text(a.timepoint == .followup30 || a.timepoint == .followup90 ? "Phone outreach" : "Front desk")
            try assessments.endRecord()
        }
        for row in generated.goals {
            let domain = row.goal.domain ?? ""
            goals.text(row.goal.episodeID)
            goals.text(row.goal.goalID)
            goals.text(EHRVocabulary.goals.source(domain, column: "domain"))
            goals.int(row.writtenWeight)
            goals.int(row.goal.baselineLevel)
            goals.int(row.goal.attainedLevel)
            goals.day(row.goal.ratedOn)
            goals.text(Self.goalText[domain] ?? "Individualized goal")
            try goals.endRecord()
        }
        for event in generated.events {
            events.text(event.patientKey)
            events.day(event.date, us: true)
            events.text(EHRVocabulary.events.source(event.type.rawValue, column: "event_type"))
            events.text(event.source)
            events.text("Interface")
            try events.endRecord()
        }
    }

    private func writeEpisode(_ e: Episode) throws {
        let vocabulary = EHRVocabulary.episodes
        episodes.text(e.patientKey)
        episodes.text(e.episodeID)
        episodes.text(vocabulary.source(e.program, column: "program"))
        episodes.text(e.site.map { vocabulary.source($0, column: "site") })
        episodes.text(vocabulary.source(e.levelOfCare.rawValue, column: "level_of_care"))
        episodes.day(e.admissionDate, us: true)
        episodes.day(e.dischargeDate, us: true)
        episodes.text(e.dischargeReason.map { vocabulary.source($0.rawValue, column: "discharge_reason") })
        episodes.int(e.ageAtAdmission)
        episodes.text(e.sex.map { vocabulary.source($0, column: "sex") })
        for field in [e.race, e.ethnicity, e.payer, e.referralSource, e.primaryDx] { episodes.text(field) }
        episodes.int(e.plannedWeeks)
        episodes.text("Clinician \(e.site.map { String($0.prefix(1)).uppercased() } ?? "X")1\(e.episodeID.suffix(1))")
        try episodes.endRecord()
    }

    func close() throws {
        for writer in [episodes, sessions, assessments, goals, events] { try writer.close() }
        try shapes.close()
    }

    /// Free-text goal statements (with commas and quotes, as real exports have).
    static let goalText: [String: String] = [
        "symptoms": "Reduce depressive symptoms, PHQ-9 below 10",
        "coping": "Use 2 coping skills daily (\"TIPP\", paced breathing)",
        "relationships": "Repair one key relationship, weekly check-in",
        "work-school": "Return to work or school, half days first",
        "sobriety": "Abstain from alcohol and drugs, negative UDS",
        "safety": "Follow safety plan, call crisis line when needed",
        "daily-living": "Regular meals and sleep, 5 days a week",
    ]
}

extension CSVFileWriter {
    /// A session's type, modality, status, minutes and staff, in the export's vocabulary.
    func sessionFields(_ s: Session) {
        let vocabulary = EHRVocabulary.sessions
        text(vocabulary.source(s.type.rawValue, column: "session_type"))
        text(s.modality.map { vocabulary.source($0.rawValue, column: "modality") })
        text(vocabulary.source(s.status.rawValue, column: "status"))
        int(s.scheduledMinutes)
        int(s.attendedMinutes)
        text(s.staffID)
    }
}
