import OutcomesCore

/// Reads a series file (a header row, then one period per row) for the `spc` command.
///
/// Every row is checked; the first bad one is an error naming its row and column, since a chart
/// with a silently missing period would mislead. Empty value or denominator cells, and 0 of 0,
/// are gaps.
public enum SeriesFile {
    /// The header and rows of the file at `path`, in file order.
    public static func read(path: String, displayName: String, layout: SeriesLayout) throws -> SeriesTable {
        let reader = try CSVReader(path: path, displayName: displayName)
        var record = CSVRecord()
        guard try reader.next(into: &record) else {
            throw SeriesFileError(file: displayName, message: "the file is empty: it has no header row")
        }
        try check(record, file: displayName, layout: layout, what: "the header")
        let header = record.fields
        var rows: [SeriesRow] = []
        while try reader.next(into: &record) {
            try check(record, file: displayName, layout: layout, what: "the row")
            rows.append(try row(record, file: displayName, layout: layout))
        }
        return SeriesTable(header: header, rows: rows)
    }

    /// Refuses a record that is not whole UTF-8 text split into the layout's columns.
    private static func check(_ record: CSVRecord, file: String, layout: SeriesLayout, what: String) throws {
        func fail(_ column: Int?, _ message: String) -> SeriesFileError {
            SeriesFileError(file: file, row: record.row, column: column, message: message)
        }
        if let offset = record.invalidUTF8Offset {
            throw fail(nil, "\(what) is not valid UTF-8 (byte offset \(offset))")
        }
        if let problem = record.structuralProblem(what) { throw fail(nil, problem) }
        if let (field, byte) = record.controlCharacter { throw fail(field + 1, ControlCharacters.problem(byte)) }
        guard record.fieldCount == layout.columnCount else {
            let names = layout.columnNames.joined(separator: ", ")
            let column = min(record.fieldCount, layout.columnCount) + 1
            let count = "\(what) has \(record.fieldCount) columns"
            throw fail(column, "\(count); this chart reads \(layout.columnCount): \(names)")
        }
    }

    /// The label, value and denominator of a checked data record.
    private static func row(_ record: CSVRecord, file: String, layout: SeriesLayout) throws -> SeriesRow {
        func fail(_ column: Int, _ message: String) -> SeriesFileError {
            SeriesFileError(file: file, row: record.row, column: column + 1, message: message)
        }
        let label = record.field(0)
        guard !label.isEmpty else { throw fail(0, "the \(layout.columnNames[0]) is empty") }
        let value = try number(record, 1, layout: layout, fail: fail)
        let denominator = layout.hasDenominator ? try number(record, 2, layout: layout, fail: fail) : nil
        if let denominator, denominator == 0, (value ?? 0) > 0 {
            throw fail(2, "the \(layout.columnNames[2]) is 0 but the \(layout.columnNames[1]) is not")
        }
        if layout.numeratorWithinDenominator, let value, let denominator, value > denominator {
            throw fail(1, "the \(layout.columnNames[1]) \(record.field(1)) is above the \(layout.columnNames[2]) "
                + record.field(2))
        }
        return SeriesRow(label: label, value: value, denominator: denominator)
    }

    /// The number in field `index`; nil when empty. Plain decimals only: no thousands
    /// separators, no "nan" or "inf".
    private static func number(
        _ record: CSVRecord, _ index: Int, layout: SeriesLayout, fail: (Int, String) -> SeriesFileError
    ) throws -> Double? {
        let text = record.field(index)
        if text.isEmpty { return nil }
        let allowed = Set("0123456789+-.eE")
        guard text.allSatisfy(allowed.contains), let value = Double(text), value.isFinite else {
            throw fail(index, "the \(layout.columnNames[index]) is not a number: \(MessageText.quoted(text))")
        }
        if layout.valuesAreCounts, value < 0 {
            throw fail(index, "the \(layout.columnNames[index]) cannot be negative: \(text)")
        }
        return value
    }
}
