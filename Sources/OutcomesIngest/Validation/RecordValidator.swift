import OutcomesCore

/// Turns CSV records of one canonical table into Core values or `IngestIssue`s (SPEC section 3).
///
/// A row is rejected once, under the first rule it breaks, checking columns in the order of
/// `CanonicalTable.columns` (assessment items after `instrument`, before `total`); rules that
/// involve two columns are checked at the column they name. Whole-row problems come first:
/// `malformed_row` (unterminated quote, oversized row, wrong field count, a control character
/// in any field), then `invalid_utf8`.
public struct RecordValidator {
    public let table: CanonicalTable
    public let fileName: String
    public let today: Day
    let context: ValidationContext

    /// - Parameters:
    ///   - fileName: the file's name as the user gave it, for issues.
    ///   - today: dates after it are `future_date`.
    ///   - episodes: where sessions, assessments and goals look up their episode.
    public init(table: CanonicalTable, fileName: String, registry: InstrumentRegistry, today: Day,
                pseudonymizer: Pseudonymizer, episodes: any EpisodeDirectory) {
        self.table = table
        self.fileName = fileName
        self.today = today
        context = ValidationContext(registry: registry, pseudonymizer: RecentPseudonym(pseudonymizer),
                                    episodes: RecentEpisodeDirectory(episodes))
    }

    /// A validator for records laid out as `layout` says, built once per file. The layout's
    /// table decides the rules.
    func bind(_ layout: ColumnLayout) -> BoundValidator {
        bind(layout, rows: rowValidator(layout))
    }

    /// The validator of a long assessment file's rows.
    func longRows(_ layout: ColumnLayout) -> LongAssessmentRowValidator {
        LongAssessmentRowValidator(layout: layout, context: context)
    }

    /// A pivot for a long assessment file's rows.
    func pivot() -> LongAssessmentPivot { LongAssessmentPivot(fileName: fileName, registry: context.registry) }

    private func rowValidator(_ layout: ColumnLayout) -> any TableRowValidator {
        let rows: any TableRowValidator
        switch layout.table {
        case .episodes: rows = EpisodeRowValidator(layout: layout, context: context)
        case .sessions: rows = SessionRowValidator(layout: layout, context: context)
        case .assessments: rows = AssessmentRowValidator(layout: layout, context: context)
        case .goals: rows = GoalRowValidator(layout: layout, context: context)
        case .events: rows = EventRowValidator(layout: layout, context: context)
        }
        return rows
    }

    private func bind(_ layout: ColumnLayout, rows: any TableRowValidator) -> BoundValidator {
        var names = [String?](repeating: nil, count: layout.fieldCount)
        for (name, field) in layout.fieldIndex { names[field] = name }
        return BoundValidator(fileName: fileName, today: today, fieldCount: layout.fieldCount, columnNames: names, rows: rows)
    }

    /// Validates one record laid out as `layout` says (binding anew each call: for tests and
    /// one-off checks; `TableFileReader` binds once per file).
    public func validate(_ record: CSVRecord, layout: ColumnLayout) -> RowResult {
        bind(layout).validate(record)
    }
}

/// A `RecordValidator` bound to one file's column layout.
struct BoundValidator {
    let fileName: String
    let today: Day
    let fieldCount: Int
    /// Canonical column name of each field; nil for fields the table ignores.
    let columnNames: [String?]
    let rows: any TableRowValidator

    func validate(_ record: CSVRecord) -> RowResult {
        if let problem = structuralProblem(record) { return .rejected(issue(record, problem)) }
        do throws(RowReject) {
            return .record(row: record.row, try rows.validate(RowFields(record: record, today: today)))
        } catch {
            return .rejected(issue(record, error))
        }
    }

    /// The whole-row problem of `record`, checked before any column: `malformed_row`, then `invalid_utf8`.
    func structuralProblem(_ record: CSVRecord) -> RowReject? {
        if let problem = record.structuralProblem("the row") {
            return RowReject(nil, .malformedRow, problem)
        }
        if record.fieldCount != fieldCount {
            return RowReject(nil, .malformedRow, "the row has \(record.fieldCount) fields; the header has \(fieldCount)")
        }
        if let (field, byte) = record.controlCharacter {
            let message = ControlCharacters.problem(byte)
            guard let column = columnNames[field] else {
                return RowReject(nil, .malformedRow, "field \(field + 1): \(message)")
            }
            return RowReject(column, .malformedRow, message)
        }
        if let offset = record.invalidUTF8Offset {
            let column = record.field(containingRawIndex: offset - record.byteOffset).flatMap { columnNames[$0] }
            return RowReject(column, .invalidUTF8, "invalid UTF-8 at byte offset \(offset) of the file")
        }
        return nil
    }

    /// The reject as an issue naming the file, the row and the column.
    func issue(_ record: CSVRecord, _ reject: RowReject) -> IngestIssue {
        IngestIssue(file: fileName, row: record.row, column: reject.column, reason: reject.reason,
                    message: reject.message, rawLine: record.rawLine)
    }
}
