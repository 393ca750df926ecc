import OutcomesCore

/// A validated row of any canonical table.
public enum CanonicalRecord: Hashable, Sendable {
    case episode(Episode)
    case session(Session)
    case assessment(Assessment)
    case goal(Goal)
    case event(ClinicalEvent)
}

/// What became of one input row: a validated record, or a reject with its reason.
public enum RowResult: Hashable, Sendable {
    /// `row` is the spreadsheet row number (header = 1).
    case record(row: Int, CanonicalRecord)
    case rejected(IngestIssue)
}
