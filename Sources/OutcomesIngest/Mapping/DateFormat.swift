import OutcomesCore

/// A date or date-time pattern such as `yyyy-MM-dd`, `MM/dd/yyyy` or `MM/dd/yyyy hh:mm a`,
/// parsed by hand (no `DateFormatter`: it is slow and depends on the locale).
///
/// Tokens: `yyyy` (four-digit year), `MM` and `dd` (two digits), `M` and `d` (one or two
/// digits), `HH` and `hh` (hour 00-23 and 01-12, two digits), `H` and `h` (one or two digits),
/// `mm` and `ss` (two digits), `S`... (fraction of a second, any number of digits), `a` (`AM`
/// or `PM`, any case), `XXX` (a zone: `Z`, `+hh:mm`, `+hhmm` or `+hh`). Text in single quotes
/// (`'T'`) and any other character that is not a letter must appear literally. The pattern
/// `iso8601` takes `yyyy-MM-dd`, optionally followed by `T` (or a space), `HH:mm`, `:ss`,
/// a fraction and a zone.
public struct DateFormat: Hashable, Sendable, CustomStringConvertible {
    enum Token: Hashable, Sendable {
        case year, month2, month, day2, day
        case hour2, hour, hour12two, hour12, minute2, second2, fraction, meridiem, zone
        case literal(UInt8)
    }

    let tokens: [Token]
    /// True for the `iso8601` pattern, whose time and zone are optional.
    let isISO8601: Bool
    /// True for `yyyy-MM-dd`, read by position (`DateScanner.isoDate`) rather than token by token.
    let isISODate: Bool
    public let description: String

    /// The tokens of `yyyy-MM-dd`.
    static let isoDateTokens: [Token] = [.year, .literal(45), .month2, .literal(45), .day2]

    /// ISO 8601 calendar dates, the default.
    public static let iso = DateFormat(tokens: isoDateTokens, isISO8601: false, description: "yyyy-MM-dd")

    /// ISO 8601 dates with an optional time and zone, as FHIR `dateTime` and most APIs write them.
    public static let iso8601 = DateFormat(tokens: [], isISO8601: true, description: "iso8601")

    private init(tokens: [Token], isISO8601: Bool, description: String) {
        self.tokens = tokens
        self.isISO8601 = isISO8601
        isISODate = tokens == Self.isoDateTokens
        self.description = description
    }

    /// Compiles `pattern`; nil when it lacks a year, a month or a day, has one twice, mixes
    /// 12- and 24-hour tokens, has `a` without a 12-hour hour, or uses a token not listed above
    /// (such as `yy` or `DD`).
    public init?(_ pattern: String) {
        if pattern == "iso8601" {
            self = .iso8601
            return
        }
        guard let tokens = Self.tokens(of: Array(pattern.utf8)) else { return nil }
        func count(_ wanted: Set<Token>) -> Int { tokens.filter { wanted.contains($0) }.count }
        guard count([.year]) == 1, count([.month, .month2]) == 1, count([.day, .day2]) == 1,
              count([.hour2, .hour, .hour12two, .hour12]) <= 1, count([.minute2]) <= 1, count([.second2]) <= 1,
              count([.zone]) <= 1, count([.meridiem]) == count([.hour12two, .hour12])
        else { return nil }
        self.init(tokens: tokens, isISO8601: false, description: pattern)
    }

    private static func tokens(of bytes: [UInt8]) -> [Token]? {
        var tokens: [Token] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "'") {
                guard let close = bytes[(index + 1)...].firstIndex(of: byte), close > index + 1 else { return nil }
                tokens += bytes[(index + 1)..<close].map { .literal($0) }
                index = close + 1
                continue
            }
            var run = 1
            while index + run < bytes.count, bytes[index + run] == byte { run += 1 }
            switch (Character(Unicode.Scalar(byte)), run) {
            case ("y", 4): tokens.append(.year)
            case ("M", 2): tokens.append(.month2)
            case ("M", 1): tokens.append(.month)
            case ("d", 2): tokens.append(.day2)
            case ("d", 1): tokens.append(.day)
            case ("H", 2): tokens.append(.hour2)
            case ("H", 1): tokens.append(.hour)
            case ("h", 2): tokens.append(.hour12two)
            case ("h", 1): tokens.append(.hour12)
            case ("m", 2): tokens.append(.minute2)
            case ("s", 2): tokens.append(.second2)
            case ("S", _): tokens.append(.fraction)
            case ("a", 1): tokens.append(.meridiem)
            case ("X", 1...3): tokens.append(.zone)
            default:
                let isLetter = (65...90).contains(byte) || (97...122).contains(byte)
                guard !isLetter, byte < 0x80 else { return nil }
                tokens.append(contentsOf: repeatElement(.literal(byte), count: run))
            }
            index += run
        }
        return tokens
    }
}
