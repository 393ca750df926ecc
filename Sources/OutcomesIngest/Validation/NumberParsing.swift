/// Whole numbers parsed from bytes without making strings.
enum NumberParsing {
    /// The most digits a whole number may have: 10^15 - 1 is far beyond any age, minute count or
    /// week count, and far inside `Int`.
    static let maxDigits = 15

    /// An optional sign, 1 to 15 digits, and optionally a point followed only by zeros
    /// (spreadsheets write `3.0`); nil for anything else. Digits are counted before they are
    /// accumulated, so 19 or more digits are refused, never overflow.
    static func integer(_ bytes: [UInt8], _ range: Range<Int>) -> Int? {
        var index = range.lowerBound
        let end = range.upperBound
        guard index < end else { return nil }
        var negative = false
        if bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        var value = 0, digits = 0
        while index < end, bytes[index] >= 48, bytes[index] <= 57 {
            digits += 1
            guard digits <= maxDigits else { return nil }
            value = value * 10 + Int(bytes[index] - 48)
            index += 1
        }
        guard digits > 0 else { return nil }
        if index < end, bytes[index] == UInt8(ascii: ".") {
            index += 1
            while index < end, bytes[index] == UInt8(ascii: "0") { index += 1 }
        }
        guard index == end else { return nil }
        return negative ? -value : value
    }
}
