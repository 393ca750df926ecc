extension Score: Comparable, Hashable {
    /// The value in units of 10^-`places` (at least `decimals`), as a 128-bit (high, low) pair:
    /// no overflow whatever the value, since the factor is at most 10^`maxDecimals`.
    private func wide(at places: Int) -> (high: Int64, low: UInt64) {
        units.multipliedFullWidth(by: Score.powersOfTen[places - decimals])
    }

    /// -1, 0 or 1 as `a` is below, equal to or above `b`, compared as integers at the larger
    /// number of decimals (their units as they are when both have the same: most comparisons,
    /// whose 128-bit products were 2% of a report's work).
    static func order(_ a: Score, _ b: Score) -> Int {
        if a.decimals == b.decimals { return a.units == b.units ? 0 : a.units < b.units ? -1 : 1 }
        let places = max(a.decimals, b.decimals)
        return Score.order(a.wide(at: places), b.wide(at: places))
    }

    private static func order(_ x: (high: Int64, low: UInt64), _ y: (high: Int64, low: UInt64)) -> Int {
        if x.high != y.high { return x.high < y.high ? -1 : 1 }
        if x.low != y.low { return x.low < y.low ? -1 : 1 }
        return 0
    }

    /// Equal values are equal whatever their decimals (20.3 == 20.30).
    public static func == (a: Score, b: Score) -> Bool { order(a, b) == 0 }

    /// Exact order, no rounding.
    public static func < (a: Score, b: Score) -> Bool { order(a, b) < 0 }

    /// Hashes the value without trailing zeros, so that equal values hash alike.
    public func hash(into hasher: inout Hasher) {
        let plain = normalized
        hasher.combine(plain.units)
        hasher.combine(plain.decimals)
    }

    /// -1, 0 or 1 as `self` is below, equal to or above `factor` x `other`, exactly: response
    /// (final <= 50% of baseline) without rounding the product.
    public func order(toProductOf factor: Score, _ other: Score) -> Int {
        let places = max(decimals, factor.decimals + other.decimals)
        let left = units.multipliedFullWidth(by: Score.powersOfTen[places - decimals])
        guard let right = other.rescaled(to: places - factor.decimals) else { return 0 }
        return Score.order(left, factor.units.multipliedFullWidth(by: right.units))
    }
}

extension Score {
    /// The two values at the larger number of decimals.
    private static func aligned(_ a: Score, _ b: Score) -> (Int64, Int64, Int) {
        let places = max(a.decimals, b.decimals)
        return (a.units * powersOfTen[places - a.decimals], b.units * powersOfTen[places - b.decimals], places)
    }

    /// The exact sum. Operands come from checked instruments and rows, whose bounds keep it in range.
    public static func + (a: Score, b: Score) -> Score {
        let (x, y, places) = aligned(a, b)
        return Score(unchecked: x + y, decimals: places)
    }

    /// The exact difference (a change from baseline to final).
    public static func - (a: Score, b: Score) -> Score {
        let (x, y, places) = aligned(a, b)
        return Score(unchecked: x - y, decimals: places)
    }

    /// The negated value.
    public static prefix func - (value: Score) -> Score { Score(unchecked: -value.units, decimals: value.decimals) }

    /// The exact product: a raw total times the reporting factor (WHO-5: x 4). The decimals
    /// add up; the instrument check keeps them within `maxDecimals` and the product within `limit`.
    public static func * (a: Score, b: Score) -> Score {
        precondition(a.decimals + b.decimals <= maxDecimals, "\(a) x \(b) has too many decimals")
        return Score(unchecked: a.units * b.units, decimals: a.decimals + b.decimals)
    }
}
