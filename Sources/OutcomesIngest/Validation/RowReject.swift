import OutcomesCore

/// The first rule a row broke, thrown while validating and then turned into an `IngestIssue`.
///
/// The message names the column and the reason but never quotes the value: a quote can push a
/// patient id into any column, and the message is stored in the database and printed (SPEC
/// section 6). The value is in the row's raw line, which only the `--rejects` file holds.
struct RowReject: Error, Hashable {
    let column: String?
    let reason: RejectReason
    let message: String

    init(_ column: String?, _ reason: RejectReason, _ message: String) {
        self.column = column
        self.reason = reason
        self.message = message
    }
}
