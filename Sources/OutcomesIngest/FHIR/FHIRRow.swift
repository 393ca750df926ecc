import OutcomesCore

/// A resource turned into a canonical row: column -> value as text, and the JSON path each
/// value came from (so that a reject names the path, not the canonical column). One list of
/// entries, in the order read, searched from the end: a row has a dozen columns, and a list
/// costs one allocation where a dictionary costs several and a hash per column.
struct FHIRRow {
    private struct Entry {
        var column: String
        var value: String?
        var path: String
    }

    private var entries: [Entry] = []

    init() { entries.reserveCapacity(16) }

    /// Sets `column` to `value` (when there is one), read at `path`.
    mutating func set(_ column: String, _ value: String?, at path: String) {
        entries.append(Entry(column: column, value: value, path: path))
    }

    /// The value of `column`: the last one set.
    func value(_ column: String) -> String? { entries.last { $0.column == column && $0.value != nil }?.value }

    /// Forgets the value of `column` (its path stays, for a reject).
    mutating func remove(_ column: String) {
        for index in entries.indices where entries[index].column == column { entries[index].value = nil }
    }

    /// Calls `body` with each column that has a value and the value, in the order set (a later
    /// value of a column comes after an earlier one).
    func forEachValue(_ body: (String, String) -> Void) {
        for entry in entries { if let value = entry.value { body(entry.column, value) } }
    }

    /// The path of `column`, or `$` when the row did not read it.
    func path(of column: String?) -> String {
        guard let column, let read = entries.last(where: { $0.column == column }) else { return "$" }
        return read.path
    }
}

/// What the converter made of one resource.
enum FHIRConverted {
    /// One row of `table` (an EpisodeOfCare, an Encounter or Appointment, a QuestionnaireResponse, a Goal).
    case row(CanonicalTable, FHIRRow)
    /// Item answers and totals of one Observation, as rows of a long assessment file.
    case answers([FHIRRow])
    /// A resource whose facts other rows use (Patient, Condition, Coverage, Questionnaire, an
    /// Observation rating a Goal).
    case supporting
    /// A resource the loader does not use, under the name it is counted by.
    case skipped(String)
    /// A resource of `table` that cannot become a row.
    case rejected(CanonicalTable, FHIRLineProblem, RejectReason)
}

extension FHIRConverted {
    /// The table of a resource type; nil for supporting and unused types.
    static func table(of resourceType: String) -> CanonicalTable? {
        switch resourceType {
        case "EpisodeOfCare": return .episodes
        case "Encounter", "Appointment": return .sessions
        case "QuestionnaireResponse", "Observation": return .assessments
        case "Goal": return .goals
        default: return nil
        }
    }

    /// The resource types whose facts episodes and assessments use.
    static let supportingTypes: Set<String> = ["Patient", "Condition", "Coverage", "Questionnaire"]
}
