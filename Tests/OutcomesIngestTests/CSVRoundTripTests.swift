import Foundation
import Testing
import OutcomesTestSupport
@testable import OutcomesIngest

/// Random records written the RFC 4180 way read back as they were (trimmed).
@Suite("CSV round trip")
struct CSVRoundTripTests {
    static let pieces = ["a", "b", "7", " ", ",", "\"", "\n", "\r\n", "é", "東", "x y", "-"]

    /// Writes `value` as a CSV field, quoting it when it holds a comma, quote, CR or LF,
    /// or (sometimes) anyway.
    static func encode(_ value: String, quoteAnyway: Bool) -> String {
        let needsQuotes = value.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
        guard needsQuotes || quoteAnyway else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func trimmed(_ value: String) -> String {
        var scalars = Substring(value)
        while let first = scalars.first, first == " " { scalars = scalars.dropFirst() }
        while let last = scalars.last, last == " " { scalars = scalars.dropLast() }
        return String(scalars)
    }

    @Test(arguments: 1...20)
    func randomRecordsRoundTrip(seed: Int) throws {
        var random = SplitMix64(seed: UInt64(seed))
        var expected: [[String]] = []
        var text = ""
        for _ in 0..<200 {
            let fieldCount = Int.random(in: 2...6, using: &random)
            var record: [String] = []
            var line: [String] = []
            for _ in 0..<fieldCount {
                let value = (0..<Int.random(in: 0...5, using: &random)).map { _ in Self.pieces.randomElement(using: &random) ?? "" }.joined()
                record.append(Self.trimmed(value))
                line.append(Self.encode(value, quoteAnyway: Bool.random(using: &random)))
            }
            expected.append(record)
            text += line.joined(separator: ",") + (Bool.random(using: &random) ? "\n" : "\r\n")
        }
        let records = try readRecords(Array(text.utf8))
        #expect(records.map(\.fields) == expected)
        #expect(records.map(\.row) == Array(1...200))
    }
}
