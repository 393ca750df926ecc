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
    /// long assessment file are pivoted into assessments (`RowResult.grouped`), sent after the
    /// rows rejected on their own. Each call reads the file again from the start; the layout's
    /// table decides the rules.
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
        try forEachRecord { record in
            let span = ByteSpan(offset: record.byteOffset, count: record.rawBytes.count)
            defer { progress?(record.byteOffset + record.rawBytes.count) }
            if let problem = bound.structuralProblem(record) { return try body(.rejected(bound.issue(record, problem))) }
            let fields = RowFields(record: record, today: validator.today)
            let group: ItemAnswer.Group
            do throws(RowReject) { group = try rows.group(fields) } catch { return try body(.rejected(bound.issue(record, error))) }
            do throws(RowReject) {
                pivot.add(try rows.answer(fields, in: group), to: group, row: record.row, span: span)
            } catch {
                pivot.fail(group, row: record.row, span: span, error)
            }
        }
        try pivot.finish(rawLine: { _, span in span.map(rawLines.text) ?? "" }, body)
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
