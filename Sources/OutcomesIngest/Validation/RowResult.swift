import OutcomesCore

/// A validated row of any canonical table.
public enum CanonicalRecord: Hashable, Sendable {
    case episode(Episode)
    case session(Session)
    case assessment(Assessment)
    case goal(Goal)
    case event(ClinicalEvent)
}

/// What became of one input row (or of the rows of one long assessment): a validated record,
/// or a reject with its reason.
public enum RowResult: Hashable, Sendable {
    /// `row` is the spreadsheet row number (header = 1).
    case record(row: Int, CanonicalRecord)
    /// A record built from several rows (a long assessment's item answers), all of which it
    /// accounts for; `rows` are their row numbers, first row first.
    case grouped(rows: [Int], CanonicalRecord)
    case rejected(IngestIssue)
}
