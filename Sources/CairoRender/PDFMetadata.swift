import Foundation

/// Document information written into a PDF; the date is fixed so that the same input gives the same bytes.
public struct PDFMetadata: Equatable, Sendable {
    public var title: String?
    public var author: String?
    public var subject: String?
    public var creator: String?
    /// Creation and modification date, ISO 8601 ("2026-10-31T00:00:00Z").
    public var date: String

    public init(title: String? = nil, author: String? = nil, subject: String? = nil, creator: String? = "IOP Outcomes", date: String? = nil) {
        self.title = title
        self.author = author
        self.subject = subject
        self.creator = creator
        self.date = date ?? Self.reproducibleDate()
    }

    /// `SOURCE_DATE_EPOCH` when set (the reproducible-builds convention), else 2000-01-01.
    public static func reproducibleDate(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        guard let text = environment["SOURCE_DATE_EPOCH"], let seconds = Int(text), seconds >= 0 else {
            return "2000-01-01T00:00:00Z"
        }
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }
}
