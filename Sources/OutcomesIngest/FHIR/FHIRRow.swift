import OutcomesCore

/// A resource turned into a canonical row: column -> value as text, and the JSON path each
/// value came from (so that a reject names the path, not the canonical column). Room for a
/// whole row is made at once: rows are made for every line.
struct FHIRRow {
    var values = [String: String](minimumCapacity: 24)
    /// Columns and the paths they were read at, in the order read (looked up only for a reject).
    private var paths: [(column: String, path: String)] = []

    init() { paths.reserveCapacity(24) }

    /// Sets `column` to `value` (when there is one), read at `path`.
    mutating func set(_ column: String, _ value: String?, at path: String) {
        paths.append((column, path))
        guard let value else { return }
        values[column] = value
    }

    /// The path of `column`, or `$` when the row did not read it.
    func path(of column: String?) -> String {
        guard let column, let read = paths.last(where: { $0.column == column }) else { return "$" }
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
