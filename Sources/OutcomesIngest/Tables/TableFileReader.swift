import OutcomesCore

/// One canonical CSV file: opens it, reads the header, works out which table it holds, and
/// streams its rows through a `RecordValidator` in constant memory.
public struct TableFileReader {
    public let path: String
    /// The file's name as the user gave it, used in errors and issues.
    public let displayName: String
    /// Where each canonical column sits in the file's records.
    public let layout: ColumnLayout

    /// Reads the header; throws an `IngestFileError` naming the file when it is empty, cannot
    /// be read, or its header fits no canonical table (or lacks a forced table's required columns).
    public init(path: String, displayName: String, mapping: Mapping?, forcedTable: CanonicalTable?) throws {
        self.path = path
        self.displayName = displayName
        let reader = try CSVReader(path: path, displayName: displayName)
        var header = CSVRecord()
        guard try reader.next(into: &header) else {
            throw IngestFileError(file: displayName, message: "the file is empty: it has no header row")
        }
        if let offset = header.invalidUTF8Offset {
            throw IngestFileError(file: displayName, message: "the header is not valid UTF-8 (byte offset \(offset))")
        }
        if let problem = header.structuralProblem("the header") {
            throw IngestFileError(file: displayName, line: header.row, message: problem)
        }
        if let (field, byte) = header.controlCharacter {
            let message = "header field \(field + 1): \(ControlCharacters.problem(byte))"
            throw IngestFileError(file: displayName, line: header.row, message: message)
        }
        layout = try TableDetector.layout(header: header.fields, mapping: mapping, forced: forcedTable, fileName: displayName)
    }

    /// The canonical table the file holds.
    public var table: CanonicalTable { layout.table }

    /// Streams every data row, in file order, as a validated record or a reject; the rows of a
    /// long assessment file are pivoted into assessments (`RowResult.grouped`), each sent once
    /// the last row of its episode or patient is read (`AssessmentRelease`: a first pass over the
    /// file finds those rows), after the rows rejected on their own. Each call reads the file
    /// again from the start; the layout's table decides the rules.
    /// - Parameter progress: called after each row with the number of bytes read so far (for
    ///   a progress bar against the file's size).
    public func forEachRow(validator: RecordValidator, progress: ((Int) -> Void)? = nil,
                           _ body: (RowResult) throws -> Void) throws {
        let bound = validator.bind(layout)
        guard layout.isLong else {
            try forEachRecord { record in
                try body(bound.validate(record))
                progress?(record.byteOffset + record.rawBytes.count)
            }
            return
        }
        let rows = validator.longRows(layout)
        var pivot = validator.pivot()
        let rawLines = RawLines(path: path)
        let rawLine = { (_: Int, span: ByteSpan?) in span.map(rawLines.text) ?? "" }
        var release = AssessmentRelease(lastRows: try lastRowOfEachKey(rows, bound, today: validator.today))
        var keys = ReleaseKeys(rows, today: validator.today)
        try forEachRecord { record in
            let span = ByteSpan(offset: record.byteOffset, count: record.rawBytes.count)
            defer { progress?(record.byteOffset + record.rawBytes.count) }
            if let problem = bound.structuralProblem(record) { return try body(.rejected(bound.issue(record, problem))) }
            let fields = RowFields(record: record, today: validator.today)
            let key = keys.key(of: record)
            do throws(RowReject) {
                let group = try rows.group(fields)
                if let key { release.note(group, key: key) }
                do throws(RowReject) {
                    pivot.add(try rows.answer(fields, in: group), to: group, row: record.row, span: span)
                } catch {
                    pivot.fail(group, row: record.row, span: span, error)
                }
            } catch {
                try body(.rejected(bound.issue(record, error)))
            }
            if let key { try pivot.finish(release.ready(after: record.row, key: key), rawLine: rawLine, body) }
        }
        try pivot.finish(rawLine: rawLine, body)
    }

    /// The last row counted under each `LongAssessmentRowValidator.releaseKey`: the first pass
    /// over a long file (rows that cannot be split into fields count under none), a key stored
    /// once per run of rows under it.
    private func lastRowOfEachKey(_ rows: LongAssessmentRowValidator, _ bound: BoundValidator,
                                  today: Day) throws -> [String: Int] {
        var keys = ReleaseKeys(rows, today: today)
        var lastRows: [String: Int] = [:]
        var run: (key: String, last: Int)?
        try forEachRecord { record in
            guard bound.structuralProblem(record) == nil else { return }
            let key = keys.key(of: record)
            if let key, key == run?.key {
                run?.last = record.row
            } else {
                if let run { lastRows[run.key] = run.last }
                run = key.map { ($0, record.row) }
            }
        }
        if let run { lastRows[run.key] = run.last }
        return lastRows
    }

    /// Streams every data record unvalidated (the header skipped). The record is reused: copy
    /// what you need inside `body`.
    public func forEachRecord(_ body: (CSVRecord) throws -> Void) throws {
        let reader = try CSVReader(path: path, displayName: displayName)
        var record = CSVRecord()
        guard try reader.next(into: &record) else { return }
        while try reader.next(into: &record) {
            try body(record)
        }
    }
}
