import OutcomesCore

/// The first rule a row broke, thrown while validating and then turned into an `IngestIssue`.
struct RowReject: Error {
    let column: String?
    let reason: RejectReason
    let message: String

    init(_ column: String?, _ reason: RejectReason, _ message: String) {
        self.column = column
        self.reason = reason
        self.message = message
    }

    /// A source value quoted for a message, as `MessageText.quoted` quotes every value.
    static func quoted(_ value: String) -> String { MessageText.quoted(value) }
}
