import Foundation
import OutcomesCore

/// Resources a FHIR file holds that make no row: used for other rows' facts, or not used.
public struct FHIRAccount: Sendable, Equatable {
    /// Resources the loader does not use, by type (and why, for Observations and responses).
    public var skipped: [String: Int] = [:]
    /// Patient, Condition, Coverage and Questionnaire resources, whose facts rows use, by type,
    /// and Observations rating a Goal ("Observation (rating a Goal)").
    public var used: [String: Int] = [:]

    public init() {}

    /// The most resource types a file's skipped lines are counted under by name; lines of
    /// further types count under `otherTypes` (a file naming a million made-up types would
    /// otherwise hold and print a million counts). FHIR R4 has 145 resource types; an export
    /// holds a few dozen.
    static let namedTypeLimit = 100
    /// The count of skipped lines of types beyond `namedTypeLimit`.
    static let otherTypes = "other resource types"

    /// Counts a skipped line of resource type `type`.
    mutating func skip(type: String) {
        let name = skipped[type] == nil && skipped.count >= Self.namedTypeLimit ? Self.otherTypes : type
        skipped[name, default: 0] += 1
    }

    /// Adds another account's counts.
    public mutating func add(_ other: FHIRAccount) {
        skipped.merge(other.skipped, uniquingKeysWith: +)
        used.merge(other.used, uniquingKeysWith: +)
    }
}

extension FHIRFile {
    /// Streams the rows this file gives `validator.table`, validated exactly as CSV rows are,
    /// each reject naming the line and the JSON path (as its column). Observations are pivoted
    /// into assessments (`RowResult.grouped`), each sent once no later line can join it
    /// (`AssessmentRelease`), else at the end of the file. Lines that are
    /// no resource are rejected (`malformed_row`) with the file's first table; Observations and
    /// responses of no registry instrument are counted in `account` as skipped.
    public func forEachRow(validator: RecordValidator, export: FHIRExport, account: inout FHIRAccount,
                           progress: ((Int) -> Void)? = nil, _ body: (RowResult) throws -> Void) throws {
        let table = validator.table
        let first = table == tables.first
        let converter = export.converter
        let layouts = FHIRLayouts(table: table, mapping: export.mapping, registry: export.registry)
        let longRows = (validator.longRows(layouts.long.episode.layout), validator.longRows(layouts.long.patient.layout))
        let bound = (validator.bind(layouts.wide.episode.layout), validator.bind(layouts.wide.patient.layout))
        var pivot = validator.pivot()
        var maker = FHIRRecordMaker()
        let rawLines = RawLines(path: path)
        func reject(_ line: ConvertedLine, _ path: String, _ reason: RejectReason, _ message: String) throws {
            try body(.rejected(IngestIssue(file: displayName, row: line.number, column: path, reason: reason, message: message,
                                           rawLine: FHIRLine.rawLine(line.number, line.span, rawLines))))
        }
        var release = AssessmentRelease(lastRows: lastObservationLines)
        /// Sends a pivoted assessment; one rejected as a whole names the path of the column in
        /// the row's own Observation, decoded again from its line (rejects are few; paths are not kept).
        func sendPivoted(_ result: RowResult) throws {
            guard case .rejected(var issue) = result, issue.column?.hasPrefix("$") != true else { return try body(result) }
            var json = JSONReader()
            let resource = try? json.read(ArraySlice(issue.rawLine.utf8)) { node throws(JSONShapeError) in
                try FHIRResource(json: node, indexOnly: false)
            }
            if case .answers(let rows)? = resource.map(converter.convert) {
                let total = rows.first { $0.value("item") == "total" }
                issue.column = (issue.column == "answer" ? total ?? rows.first : rows.first)?.path(of: issue.column) ?? "$"
            } else {
                issue.column = "$"
            }
            try body(.rejected(issue))
        }
        let rawLine = { (number: Int, span: ByteSpan?) in FHIRLine.rawLine(number, span, rawLines) }
        var lastGroup = GroupMemo()
        /// Pivots an Observation's rows (an assessment's rows stand or fall together).
        func pivotAnswers(_ rows: [FHIRRow], _ line: ConvertedLine, key: String) throws {
            for row in rows {
                let byEpisode = row.value("episode_id") != nil
                let record = maker.record(row, number: line.number, in: byEpisode ? layouts.long.episode : layouts.long.patient)
                let fields = RowFields(record: record, today: validator.today)
                let group: ItemAnswer.Group
                do throws(RowReject) {
                    group = try lastGroup.group(byEpisode: byEpisode, of: &maker) { () throws(RowReject) in
                        try byEpisode ? longRows.0.group(fields) : longRows.1.group(fields)
                    }
                } catch {
                    return try reject(line, row.path(of: error.column), error.reason, error.message)
                }
                release.note(group, key: key)
                do throws(RowReject) {
                    let answer = try byEpisode ? longRows.0.answer(fields, in: group) : longRows.1.answer(fields, in: group)
                    pivot.add(answer, to: group, row: line.number, span: line.span)
                } catch {
                    pivot.fail(group, row: line.number, span: line.span,
                               RowReject(row.path(of: error.column), error.reason, error.message))
                }
            }
        }
        try reader.forEachLineConcurrently(converter: converter, progress: progress) { line in
            let key = line.observationSubject.map { AssessmentRelease.key($0, index: export.index) }
            switch line.converted {
            case .failure(let problem):
                if first { try reject(line, problem.path, problem.reason, problem.message) }
            case .success(let (resourceType, converted)):
                switch converted {
                case .row(let rowTable, let row) where rowTable == table:
                    let byEpisode = row.value("episode_id") != nil
                    let record = maker.record(row, number: line.number,
                                              in: byEpisode ? layouts.wide.episode : layouts.wide.patient)
                    switch byEpisode ? bound.0.validate(record) : bound.1.validate(record) {
                    case .rejected(let issue): try reject(line, row.path(of: issue.column), issue.reason, issue.message)
                    case let result: try body(result)
                    }
                case .answers(let rows) where table == .assessments: try pivotAnswers(rows, line, key: key ?? "")
                case .rejected(let rowTable, let problem, let reason) where rowTable == table:
                    try reject(line, problem.path, reason, problem.message)
                case .skipped(let name) where FHIRConverted.table(of: resourceType) == table:
                    account.skipped[name, default: 0] += 1
                case .supporting where FHIRConverted.table(of: resourceType) == table:
                    account.used[resourceType + " (rating a Goal)", default: 0] += 1
                default: break
                }
            }
            if let key, table == .assessments {
                try pivot.finish(release.ready(after: line.number, key: key), rawLine: rawLine, sendPivoted)
            }
        }
        try pivot.finish(rawLine: rawLine, sendPivoted)
    }
}

/// The group the last Observation row gave, by the values it is made of: the item Observations
/// of one panel share their subject, date and instrument, so the episode is found (and the
/// patient pseudonymised) once per run of rows, not once per row. `group` depends on these
/// values alone within one file, so the result (or the reject) is the same.
struct GroupMemo {
    /// The group values of the row `result` was made for (`FHIRRecordMaker.groupIsUnchanged`).
    private var key: [UInt8] = []
    private var result: Result<ItemAnswer.Group, RowReject>?

    /// `make()`'s result for the last record of `maker`, remembered while the next rows' group
    /// values are the same.
    mutating func group(byEpisode: Bool, of maker: inout FHIRRecordMaker,
                        _ make: () throws(RowReject) -> ItemAnswer.Group) throws(RowReject) -> ItemAnswer.Group {
        if maker.groupIsUnchanged(byEpisode: byEpisode, key: &key), let result { return try result.get() }
        do throws(RowReject) {
            let group = try make()
            result = .success(group)
            return group
        } catch {
            result = .failure(error)
            throw error
        }
    }
}
