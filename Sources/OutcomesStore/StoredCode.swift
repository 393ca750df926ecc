import OutcomesCore

/// A code column stored as a small integer (migration v4): the code's position in a fixed,
/// never reordered list of its values. The list is written here once and copied into the
/// database's `code_label` table, so that SQL readers can join a number back to its code.
/// A new value is appended; an existing one never moves.
struct StoredCode<Code: RawRepresentable & Equatable & Sendable>: Sendable where Code.RawValue == String {
    /// The stored column.
    let column: String
    /// The values in code order: `labels[n]` is stored as `n`.
    let labels: [String]
    private let values: [Code]
    /// The stored number of each value by the value's enum tag (its case's position in the
    /// enum's declaration; `Code` is an enum of one byte with no payloads), held inline.
    private let numberByTag: InlineArray<16, Int8>

    init(column: String, labels: [String]) {
        precondition(MemoryLayout<Code>.size == 1 && labels.count <= 16,
                     "\(column): a one-byte enum of 16 cases at most")
        self.column = column
        self.labels = labels
        values = labels.map { Code(rawValue: $0)! }
        var numbers = InlineArray<16, Int8>(repeating: -1)
        for (number, value) in values.enumerated() { numbers[Int(unsafeBitCast(value, to: UInt8.self))] = Int8(number) }
        numberByTag = numbers
    }

    /// The stored number of `value` (every value has one: a test checks each list against its enum).
    /// Read by the value's tag from an inline table, not by scanning `values` (an array, retained
    /// and released around each scan): a session row stores three codes, and with the table the
    /// network's 6.67 M-row sessions file loads in 0.91 of the time (paired runs, `--exclusive`).
    @inline(__always)
    func number(_ value: Code) -> Int64 { Int64(numberByTag[Int(unsafeBitCast(value, to: UInt8.self))]) }

    /// The value stored as `number`; nil when the number is not a code of this column.
    func value(_ number: Int64) -> Code? { contains(number) ? values[Int(number)] : nil }

    /// Whether `number` is a code of this column.
    func contains(_ number: Int64) -> Bool { number >= 0 && number < Int64(values.count) }

    /// `column BETWEEN 0 AND n-1`: the CHECK that keeps the column within the list.
    var check: String { "\(column) BETWEEN 0 AND \(labels.count - 1)" }

    /// A SQL `CASE` turning the v1 text column `textColumn` into its number (for migration v4).
    func numberFromText(_ textColumn: String) -> String {
        "CASE \(textColumn) " + labels.enumerated().map { "WHEN '\($1)' THEN \($0)" }.joined(separator: " ") + " END"
    }

    /// `(column, number, label)` rows for `code_label`.
    var labelRows: String {
        labels.enumerated().map { "('\(column)', \($0), '\($1)')" }.joined(separator: ", ")
    }
}

/// The integer-coded columns of the v4 store.
enum StoredCodes {
    static let sessionType = StoredCode<SessionType>(
        column: "session_type", labels: ["group", "individual", "family", "psychiatry", "psychoeducation", "other"])
    static let modality = StoredCode<Modality>(column: "modality", labels: ["in_person", "telehealth"])
    static let sessionStatus = StoredCode<SessionStatus>(
        column: "status",
        labels: ["attended", "late", "left_early", "no_show", "cancelled_patient", "cancelled_program", "excused"])
    static let scoringMethod = StoredCode<ScoringMethod>(
        column: "scoring_method", labels: ["complete", "prorated", "total_only"])
    static let timepoint = StoredCode<Timepoint>(
        column: "timepoint", labels: ["intake", "weekly", "discharge", "followup_30", "followup_90", "other"])

    /// Every coded column's `code_label` rows.
    static var labelRows: String {
        [sessionType.labelRows, modality.labelRows, sessionStatus.labelRows, scoringMethod.labelRows,
         timepoint.labelRows].joined(separator: ",\n")
    }
}
