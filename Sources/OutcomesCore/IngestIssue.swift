/// Why an input row was rejected (SPEC section 3). Raw values are stable, machine-readable codes.
public enum RejectReason: String, CaseIterable, Sendable, Codable, Comparable {
    case malformedRow = "malformed_row"
    case invalidUTF8 = "invalid_utf8"
    case missingField = "missing_field"
    case badDate = "bad_date"
    case futureDate = "future_date"
    case dischargeBeforeAdmission = "discharge_before_admission"
    case unknownCode = "unknown_code"
    case badNumber = "bad_number"
    case outOfRange = "out_of_range"
    case totalMismatch = "total_mismatch"
    case tooManyMissingItems = "too_many_missing_items"
    case unknownEpisode = "unknown_episode"
    case ambiguousEpisode = "ambiguous_episode"
    case outsideEpisode = "outside_episode"

    public static func < (lhs: RejectReason, rhs: RejectReason) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A rejected input row: where it is, which rule it broke, and a message a person understands.
public struct IngestIssue: Hashable, Sendable, Error, CustomStringConvertible {
    /// The file's name as given on the command line.
    public var file: String
    /// The record's row number as a spreadsheet shows it: the header is row 1, the first data row is row 2.
    public var row: Int
    /// The canonical column the rule concerns; nil for whole-row problems.
    public var column: String?
    public var reason: RejectReason
    public var message: String
    /// The row as it appeared in the file (invalid bytes replaced), for the rejects file.
    public var rawLine: String

    public init(file: String, row: Int, column: String?, reason: RejectReason, message: String, rawLine: String = "") {
        self.file = file
        self.row = row
        self.column = column
        self.reason = reason
        self.message = message
        self.rawLine = rawLine
    }

    public var description: String {
        "\(file): row \(row)\(column.map { ", column \($0)" } ?? ""): \(reason.rawValue): \(message)"
    }
}
