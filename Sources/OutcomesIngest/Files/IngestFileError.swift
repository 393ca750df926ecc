import Foundation

/// A whole file could not be read or understood: a missing header column, a bad mapping or
/// instrument file, an I/O failure. Bad *rows* are never errors: they become `IngestIssue`s.
public struct IngestFileError: Error, LocalizedError, CustomStringConvertible, Hashable, Sendable {
    /// The file's name as the user gave it.
    public var file: String
    /// The 1-based line the problem is on, when it has one (mapping and instrument files).
    public var line: Int?
    public var message: String

    public init(file: String, line: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        if let line { return "\(file):\(line): \(message)" }
        return "\(file): \(message)"
    }

    public var errorDescription: String? { description }
}
