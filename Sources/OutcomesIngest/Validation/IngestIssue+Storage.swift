import OutcomesCore

extension IngestIssue {
    /// The reject as the database keeps it. Episode and event rows hold a source patient
    /// identifier, which never enters the database (SPEC section 6), so their raw line is left
    /// out there; the `--rejects` file the user asked for keeps every line whole.
    public func storable(in table: CanonicalTable) -> IngestIssue {
        guard table == .episodes || table == .events else { return self }
        var withheld = self
        withheld.rawLine = "(not stored: the row holds a patient identifier; see the --rejects file)"
        return withheld
    }
}
