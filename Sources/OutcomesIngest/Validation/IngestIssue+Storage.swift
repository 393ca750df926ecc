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

extension IngestIssue {
    /// The reject of a FHIR line as the database keeps it: numbered by its line (migration v5),
    /// the message saying so; the line itself (which may name a patient) stays in the --rejects file.
    public func storableFHIRLine() -> IngestIssue {
        var stored = self
        stored.message = "line \(row): \(message)"
        stored.rawLine = "(not stored: see the --rejects file)"
        return stored
    }
}
