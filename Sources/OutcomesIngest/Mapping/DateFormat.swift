import OutcomesCore

/// A date pattern such as `yyyy-MM-dd` or `MM/dd/yyyy`, parsed by hand (no `DateFormatter`:
/// it is slow and depends on the locale).
///
/// Tokens: `yyyy` (four-digit year), `MM` and `dd` (exactly two digits), `M` and `d` (one or
/// two digits). Any other character must appear literally.
public struct DateFormat: Hashable, Sendable, CustomStringConvertible {
    enum Token: Hashable, Sendable {
        case year, month2, month, day2, day
        case literal(UInt8)
    }

    let tokens: [Token]
    public let description: String

    /// ISO 8601 calendar dates, the default.
    public static let iso = DateFormat(tokens: [.year, .literal(45), .month2, .literal(45), .day2], description: "yyyy-MM-dd")

    private init(tokens: [Token], description: String) {
        self.tokens = tokens
        self.description = description
    }

    /// Compiles `pattern`; nil when it lacks a year, a month or a day, has one twice, or uses
    /// a token other than those listed above (such as `yy` or a letter).
    public init?(_ pattern: String) {
        var tokens: [Token] = []
        let bytes = Array(pattern.utf8)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            var run = 1
            while index + run < bytes.count, bytes[index + run] == byte { run += 1 }
            switch (byte, run) {
            case (UInt8(ascii: "y"), 4): tokens.append(.year)
            case (UInt8(ascii: "M"), 2): tokens.append(.month2)
            case (UInt8(ascii: "M"), 1): tokens.append(.month)
            case (UInt8(ascii: "d"), 2): tokens.append(.day2)
            case (UInt8(ascii: "d"), 1): tokens.append(.day)
            default:
                let isLetter = (65...90).contains(byte) || (97...122).contains(byte)
                guard !isLetter, byte < 0x80 else { return nil }
                tokens.append(contentsOf: repeatElement(.literal(byte), count: run))
            }
            index += run
        }
        let years = tokens.filter { $0 == .year }.count
        let months = tokens.filter { $0 == .month || $0 == .month2 }.count
        let days = tokens.filter { $0 == .day || $0 == .day2 }.count
        guard years == 1, months == 1, days == 1 else { return nil }
        self.init(tokens: tokens, description: pattern)
    }

    /// Parses `bytes[range]` as a date in this format; nil when it does not match or the date
    /// does not exist.
    func parse(_ bytes: [UInt8], _ range: Range<Int>) -> Day? {
        var index = range.lowerBound
        let end = range.upperBound
        var year = 0, month = 0, day = 0
        func digits(min: Int, max: Int) -> Int? {
            var value = 0, count = 0
            while count < max, index < end, bytes[index] >= 48, bytes[index] <= 57 {
                value = value * 10 + Int(bytes[index] - 48)
                index += 1
                count += 1
            }
            return count >= min ? value : nil
        }
        for token in tokens {
            switch token {
            case .year: guard let value = digits(min: 4, max: 4) else { return nil }; year = value
            case .month2: guard let value = digits(min: 2, max: 2) else { return nil }; month = value
            case .month: guard let value = digits(min: 1, max: 2) else { return nil }; month = value
            case .day2: guard let value = digits(min: 2, max: 2) else { return nil }; day = value
            case .day: guard let value = digits(min: 1, max: 2) else { return nil }; day = value
            case .literal(let byte):
                guard index < end, bytes[index] == byte else { return nil }
                index += 1
            }
        }
        guard index == end else { return nil }
        return Day(year: year, month: month, day: day)
    }

    /// Parses a string (convenience for tests and callers outside the CSV path).
    public func parse(_ text: String) -> Day? {
        let bytes = Array(text.utf8)
        return parse(bytes, 0..<bytes.count)
    }
}
