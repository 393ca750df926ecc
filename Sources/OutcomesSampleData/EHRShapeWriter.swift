import OutcomesCore

/// Writes the EHR export's real shapes (see `EHRShapes`): monthly appointment files keyed by
/// MRN, the long flowsheet and the totals-only measurement feed.
final class EHRShapeWriter {
    private let directory: String
    /// The first day written in the monthly appointment files and the flowsheet.
    let firstShapeDay: Day
    private var appointments: [String: CSVFileWriter] = [:]
    private let flowsheet: CSVFileWriter
    private let feed: CSVFileWriter

    init(directory: String, endDate: Day) throws {
        self.directory = directory
        firstShapeDay = EHRShapes.firstShapeDay(endDate: endDate)
        flowsheet = try Self.open(EHRVocabulary.flowsheet, joinPath(directory, "flowsheet.csv"))
        feed = try Self.open(EHRVocabulary.measuresFeed, joinPath(directory, "measures-feed.csv"))
    }

    private static func open(_ table: EHRTable, _ path: String) throws -> CSVFileWriter {
        let writer = try CSVFileWriter(path: path, crlf: true, bom: true)
        try writer.record(table.columns.map(\.source))
        return writer
    }

    /// True when the session goes to an appointments file.
    func isAppointment(_ session: Session) -> Bool { session.date >= firstShapeDay }

    func writeAppointment(_ s: Session, patient: String) throws {
        let name = "appointments-\(s.date.monthKey).csv"
        let writer = try appointments[name] ?? Self.open(EHRVocabulary.appointments, joinPath(directory, name))
        appointments[name] = writer
        writer.text(s.sessionID)
        writer.text(patient)
        writer.text(EHRShapes.usDateTime(s.date, EHRShapes.startTime(s.type)))
        writer.sessionFields(s)
        try writer.endRecord()
    }

    /// One row per answered item, then the total row.
    func writeFlowsheet(_ a: Assessment, patient: String) throws {
        guard let instrument = InstrumentRegistry.builtIn[a.instrument] else { return }
        let vocabulary = EHRVocabulary.assessments
        let timepoint = a.timepoint.map { vocabulary.source($0.rawValue, column: "timepoint") }
        func row(_ item: String, _ answer: String) throws {
            flowsheet.text(patient)
            flowsheet.text(EHRShapes.isoDateTime(a.assessedOn))
            flowsheet.text(vocabulary.source(a.instrument, column: "instrument"))
            flowsheet.text(item)
            flowsheet.text(answer)
            flowsheet.text(timepoint)
            try flowsheet.endRecord()
        }
        for (index, response) in a.items.enumerated() {
            guard let response, let points = Int(response.description) else { continue }
            try row(EHRShapes.itemReference(instrument, index + 1), EHRShapes.answerText[points])
        }
        try row(instrument.loincTotal ?? "total", a.score.description)
    }

    func writeFeed(_ a: Assessment, patient: String) throws {
        let vocabulary = EHRVocabulary.assessments
        feed.text(patient)
        feed.day(a.assessedOn)
        feed.text(vocabulary.source(a.instrument, column: "instrument"))
        feed.text(a.score.description)
        feed.text(a.timepoint.map { vocabulary.source($0.rawValue, column: "timepoint") })
        try feed.endRecord()
    }

    func close() throws {
        for writer in [flowsheet, feed] + appointments.keys.sorted().compactMap({ appointments[$0] }) {
            try writer.close()
        }
    }
}
