import OutcomesCore

/// Writes generated episodes into the five canonical CSVs (SPEC section 2), one writer per table.
final class CanonicalWriter {
    private let episodes: CSVFileWriter
    private let sessions: CSVFileWriter
    private let assessments: CSVFileWriter
    private let goals: CSVFileWriter
    private let events: CSVFileWriter

    /// Item columns: as many as the largest built-in instrument has (20, PCL-5).
    static let itemColumns = BuiltInInstruments.all.map(\.itemCount).max() ?? 20

    /// Assessment columns: `episode_id, assessed_on, instrument, item_1 ... item_20, total, timepoint`.
    static var assessmentColumns: [String] {
        ["episode_id", "assessed_on", "instrument"] + (1...itemColumns).map { "item_\($0)" } + ["total", "timepoint"]
    }

    init(directory: String) throws {
        func open(_ table: CanonicalTable, _ columns: [String]) throws -> CSVFileWriter {
            let writer = try CSVFileWriter(path: joinPath(directory, table.rawValue + ".csv"))
            try writer.record(columns)
            return writer
        }
        episodes = try open(.episodes, CanonicalTable.episodes.columns)
        sessions = try open(.sessions, CanonicalTable.sessions.columns)
        assessments = try open(.assessments, Self.assessmentColumns)
        goals = try open(.goals, CanonicalTable.goals.columns)
        events = try open(.events, CanonicalTable.events.columns)
    }

    func write(_ generated: GeneratedEpisode) throws {
        let e = generated.episode
        for field in [e.patientKey, e.episodeID, e.program, e.site ?? "", e.levelOfCare.rawValue] { episodes.text(field) }
        episodes.day(e.admissionDate)
        episodes.day(e.dischargeDate)
        episodes.text(e.dischargeReason?.rawValue)
        episodes.int(e.ageAtAdmission)
        for field in [e.sex, e.race, e.ethnicity, e.payer, e.referralSource, e.primaryDx] { episodes.text(field) }
        episodes.int(e.plannedWeeks)
        try episodes.endRecord()

        for s in generated.sessions {
            sessions.text(s.sessionID)
            sessions.text(s.episodeID)
            sessions.day(s.date)
            sessions.text(s.type.rawValue)
            sessions.text(s.modality?.rawValue)
            sessions.text(s.status.rawValue)
            sessions.int(s.scheduledMinutes)
            sessions.int(s.attendedMinutes)
            sessions.text(s.staffID)
            try sessions.endRecord()
        }
        for a in generated.assessments {
            assessments.text(a.episodeID)
            assessments.day(a.assessedOn)
            assessments.text(a.instrument)
            for index in 0..<Self.itemColumns {
                assessments.text(index < a.items.count ? a.items[index]?.description : nil)
            }
            assessments.text(a.score.description)
            assessments.text(a.timepoint?.rawValue)
            try assessments.endRecord()
        }
        for row in generated.goals {
            goals.text(row.goal.episodeID)
            goals.text(row.goal.goalID)
            goals.text(row.goal.domain)
            goals.int(row.writtenWeight)
            goals.int(row.goal.baselineLevel)
            goals.int(row.goal.attainedLevel)
            goals.day(row.goal.ratedOn)
            try goals.endRecord()
        }
        for event in generated.events { try events.canonicalEvent(event) }
    }

    func close() throws {
        for writer in [episodes, sessions, assessments, goals, events] { try writer.close() }
    }
}

extension CSVFileWriter {
    /// One row of the canonical `events` table.
    func canonicalEvent(_ event: ClinicalEvent) throws {
        text(event.patientKey)
        day(event.date)
        text(event.type.rawValue)
        text(event.source)
        try endRecord()
    }
}
