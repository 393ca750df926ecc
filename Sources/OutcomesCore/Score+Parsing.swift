extension Score {
    /// A decimal number read from bytes: an optional sign, digits, and optionally a point and
    /// more digits (`20.3`, `-5`, `.5`, `3.`); trailing zeros after the point are dropped (`3.0`
    /// is 3). Nil for anything else: an exponent, a second point, more than `maxDecimals`
    /// significant decimals, or a magnitude beyond `limit` (`99999999999999999999`).
    public static func parse(_ bytes: [UInt8], _ range: Range<Int>) -> Score? {
        var index = range.lowerBound
        let end = range.upperBound
        guard index < end else { return nil }
        let negative = bytes[index] == UInt8(ascii: "-")
        if negative || bytes[index] == UInt8(ascii: "+") { index += 1 }
        var units: Int64 = 0
        var digits = 0, decimals = 0, zeros = 0
        var inFraction = false
        while index < end {
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: "."), !inFraction {
                inFraction = true
                continue
            }
            guard byte >= 48, byte <= 57 else { return nil }
            digits += 1
            let digit = Int64(byte - 48)
            if inFraction, digit == 0 {
                zeros += 1
                continue
            }
            // Pending fraction zeros come in only before a non-zero digit.
            let shift = inFraction ? zeros + 1 : 1
            if inFraction { decimals += shift }
            zeros = 0
            guard decimals <= maxDecimals else { return nil }
            let (shifted, overflow) = units.multipliedReportingOverflow(by: powersOfTen[shift])
            guard !overflow, shifted <= limit * powersOfTen[maxDecimals] else { return nil }
            units = shifted + digit
        }
        guard digits > 0 else { return nil }
        return Score(units: negative ? -units : units, decimals: decimals)
    }

    /// A decimal number read from text (see `parse`).
    public init?(_ text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard let score = Score.parse(bytes, 0..<bytes.count) else { return nil }
        self = score
    }
}
