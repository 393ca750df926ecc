/// An exact decimal score: a whole count of 10^-`decimals` units (20.3 is 203 units of 0.1).
///
/// Item responses, totals, cutoffs, thresholds and band edges are `Score`s, so that a decimal
/// instrument (ORS 0-40 to one decimal) or a negative range is stored and compared exactly:
/// two scores are compared as integers once both are brought to the larger number of decimals
/// (20.3 - 14.3 is exactly 6.0, where the same sum in `Double` gives 5.999999999999998).
///
/// Bounds, which keep every sum, difference and product of the pipeline inside `Int64`:
/// at most `maxDecimals` decimal places and a magnitude of at most `limit`. Input text beyond
/// them is not a score (`parse` returns nil), and an instrument file whose ranges, on the raw
/// or the reporting scale, go beyond them is refused when it is loaded.
public struct Score: Sendable {
    /// The value in units of 10^-`decimals`.
    public let units: Int64
    /// Decimal places, 0 to `maxDecimals`.
    public let decimals: Int

    /// The most decimal places a score carries (an instrument's own precision is at most 3,
    /// its reporting factor adds at most the rest).
    public static let maxDecimals = 6
    /// The largest magnitude of a score: 10^12, so that 10^12 at 6 decimals (10^18 units)
    /// and the difference of two such scores fit in an `Int64`.
    public static let limit: Int64 = 1_000_000_000_000

    /// 10^0 ... 10^18.
    static let powersOfTen: [Int64] = (0...18).reduce(into: []) { powers, index in
        powers.append(index == 0 ? 1 : powers[index - 1] * 10)
    }

    init(unchecked units: Int64, decimals: Int) {
        self.units = units
        self.decimals = decimals
    }

    /// The score whose `units` and `decimals` were taken apart from a `Score` (to be stored in
    /// two columns): not checked again.
    public init(partsOf units: Int64, decimals: UInt8) {
        self.init(unchecked: units, decimals: Int(decimals))
    }

    /// A score of `units` x 10^-`decimals`; nil beyond `maxDecimals` or `limit`.
    public init?(units: Int64, decimals: Int) {
        guard (0...Score.maxDecimals).contains(decimals), units != Int64.min,
              abs(units) / Score.powersOfTen[decimals] <= Score.limit else { return nil }
        self.init(unchecked: units, decimals: decimals)
    }

    /// A whole-number score (built-in instruments, tests). Traps beyond `limit`: data goes
    /// through `parse`, which refuses such values.
    public init(_ whole: Int) {
        precondition(abs(whole) <= Int(Score.limit), "\(whole) is beyond the score limit")
        self.init(unchecked: Int64(whole), decimals: 0)
    }

    /// The nearest `Double` (exact for whole numbers): for means, standard deviations and drawing.
    public var doubleValue: Double { Double(units) / Double(Score.powersOfTen[decimals]) }

    /// The same value with `places` decimals (0 to `maxDecimals`); nil when that would drop
    /// a non-zero digit (20.35 to 1 decimal).
    public func rescaled(to places: Int) -> Score? {
        guard (0...Score.maxDecimals).contains(places) else { return nil }
        if places >= decimals {
            return Score(unchecked: units * Score.powersOfTen[places - decimals], decimals: places)
        }
        let divisor = Score.powersOfTen[decimals - places]
        guard units % divisor == 0 else { return nil }
        return Score(unchecked: units / divisor, decimals: places)
    }

    /// The number of decimal places the value needs (20.30 needs 1).
    public var significantDecimals: Int {
        var places = decimals
        while places > 0, units % Score.powersOfTen[decimals - places + 1] == 0 { places -= 1 }
        return places
    }

    /// The same value without trailing zeros (20.30 becomes 20.3, 50.0 becomes 50).
    public var normalized: Score {
        let places = significantDecimals
        return Score(unchecked: units / Score.powersOfTen[decimals - places], decimals: places)
    }
}

extension Score: ExpressibleByIntegerLiteral {
    /// A whole-number literal, as in `casenessCutoff: 10`.
    public init(integerLiteral value: Int) { self.init(value) }
}

extension Score: CustomStringConvertible {
    /// Canonical text with all its decimals and no exponent: `20.3`, `-5`, `0.25`.
    public var description: String {
        guard decimals > 0 else { return String(units) }
        let power = Score.powersOfTen[decimals]
        let magnitude = units.magnitude
        let fraction = String(magnitude % UInt64(power))
        let padded = String(repeating: "0", count: decimals - fraction.count) + fraction
        return "\(units < 0 ? "-" : "")\(magnitude / UInt64(power)).\(padded)"
    }
}
