/// One period of a proportion series: `numerator` of `denominator` (e.g. attended of scheduled).
public struct ProportionPoint: Sendable, Equatable {
    public let label: String
    public let numerator: Int
    public let denominator: Int

    public init(label: String, numerator: Int, denominator: Int) {
        self.label = label
        self.numerator = numerator
        self.denominator = denominator
    }

    /// The proportion, or nil when the point cannot be charted
    /// (denominator <= 0, or a numerator outside 0...denominator).
    public var proportion: Double? {
        guard denominator > 0, (0...denominator).contains(numerator) else { return nil }
        return Double(numerator) / Double(denominator)
    }
}

/// One period of a measured series (e.g. a monthly mean); nil `value` is a gap.
public struct ValuePoint: Sendable, Equatable {
    public let label: String
    public let value: Double?

    public init(label: String, value: Double?) {
        self.label = label
        self.value = value
    }
}
