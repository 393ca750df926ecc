import OutcomesCore

/// Typed access to one record's canonical columns, throwing the rule a value breaks.
///
/// Dates and whole numbers are parsed straight from the record's bytes; strings are made
/// only for text and code columns, and for columns the mapping translates.
struct RowFields {
    let record: CSVRecord
    let today: Day

    /// True when the column is absent from the file or blank on this row (or the mapping
    /// translates its value to blank, as in `"N/A": ""`).
    func isBlank(_ column: ColumnRef) -> Bool {
        if !column.isPresent || record.isEmpty(column.field) { return true }
        return column.translation != nil && text(column) == nil
    }

    /// The trimmed value, translated by the mapping; nil when blank.
    func text(_ column: ColumnRef) -> String? {
        guard column.isPresent, !record.isEmpty(column.field) else { return nil }
        let value = record.field(column.field)
        guard let translation = column.translation else { return value }
        let translated = translation[value] ?? value
        return translated.isEmpty ? nil : translated
    }

    /// The value of a required column; `missing_field` when blank.
    func required(_ column: ColumnRef) throws(RowReject) -> String {
        guard let value = text(column) else { throw RowReject(column.name, .missingField, "\(column.name) is required and is blank") }
        return value
    }

    /// The value's bytes and their range (translated values get their own bytes).
    func bytes(_ column: ColumnRef) -> ([UInt8], Range<Int>) {
        if column.translation != nil, let value = text(column) {
            let bytes = Array(value.utf8)
            return (bytes, 0..<bytes.count)
        }
        return record.bytes(column.field)
    }

    /// Dates before this year are typing errors (0026 for 2026), and the schema refuses them.
    static let earliestYear = 1900

    /// A date in the column's format, from 1900 and not after today; nil when blank and not required.
    func date(_ column: ColumnRef, required: Bool) throws(RowReject) -> Day? {
        if isBlank(column) {
            if required { throw RowReject(column.name, .missingField, "\(column.name) is required and is blank") }
            return nil
        }
        let (bytes, range) = self.bytes(column)
        guard let day = column.dateFormat.parse(bytes, range, zone: column.zone) else {
            // The format the value is in, when it is a common one: never the value (it may identify a patient).
            let hint = column.dateFormat.guess(bytes, range).map {
                "; it reads as a date in \($0): name that format in the mapping file (date_format, or date_formats "
                    + "for this column)"
            }
            let message = "the value is not a date in the format \(column.dateFormat)\(hint ?? "")"
            throw RowReject(column.name, .badDate, message)
        }
        guard day.year >= RowFields.earliestYear else {
            throw RowReject(column.name, .badDate, "\(day) is before \(RowFields.earliestYear): not a plausible date")
        }
        guard day <= today else { throw RowReject(column.name, .futureDate, "\(day) is after today (\(today))") }
        return day
    }

    /// A whole number within `range`; nil when blank and not required. `3.0` reads as 3.
    func int(_ column: ColumnRef, required: Bool, range: ClosedRange<Int>) throws(RowReject) -> Int? {
        if isBlank(column) {
            if required { throw RowReject(column.name, .missingField, "\(column.name) is required and is blank") }
            return nil
        }
        let (bytes, byteRange) = self.bytes(column)
        guard let value = NumberParsing.integer(bytes, byteRange) else {
            throw RowReject(column.name, .badNumber, "the value is not a whole number")
        }
        guard range.contains(value) else {
            throw RowReject(column.name, .outOfRange, "\(value) is outside \(range.lowerBound)...\(range.upperBound)")
        }
        return value
    }
}

extension RowFields {
    /// A required date: `missing_field`, `bad_date` or `future_date` when it is not one.
    func requiredDate(_ column: ColumnRef) throws(RowReject) -> Day {
        guard let day = try date(column, required: true) else { throw missing(column) }
        return day
    }

    /// A required whole number within `range`.
    func requiredInt(_ column: ColumnRef, range: ClosedRange<Int>) throws(RowReject) -> Int {
        guard let value = try int(column, required: true, range: range) else { throw missing(column) }
        return value
    }

    private func missing(_ column: ColumnRef) -> RowReject {
        RowReject(column.name, .missingField, "\(column.name) is required and is blank")
    }
}
