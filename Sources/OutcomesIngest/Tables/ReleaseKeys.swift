import OutcomesCore

/// The release key of each row of a long file (`LongAssessmentRowValidator.releaseKey`), made
/// once per run of rows with the same key field, not per row: an assessment's item rows come
/// together, and the key is a function of that field alone.
struct ReleaseKeys {
    let rows: LongAssessmentRowValidator
    let today: Day
    private var field: [UInt8]?
    private var key: String?

    init(_ rows: LongAssessmentRowValidator, today: Day) {
        self.rows = rows
        self.today = today
    }

    /// The key of `record` (one that can be split into fields); nil when it has none.
    mutating func key(of record: CSVRecord) -> String? {
        let column = rows.keyColumn
        guard column.isPresent else { return nil }
        let (buffer, range) = record.bytes(column.field)
        if let field, field.elementsEqual(buffer[range]) { return key }
        field = Array(buffer[range])
        key = rows.releaseKey(RowFields(record: record, today: today))
        return key
    }
}
