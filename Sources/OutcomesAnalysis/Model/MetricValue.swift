/// One figure of a metric set: a proportion with its numerator and denominator, or a
/// statistic (mean or median) with its n.
public enum MetricValue: Hashable, Sendable {
    /// `num / den`; `value` is nil when `den` is 0 (never NaN).
    case proportion(value: Double?, num: Int, den: Int)
    /// A mean, median or count over `n` units; `value` is nil when undefined.
    case statistic(value: Double?, n: Int, ciLow: Double? = nil, ciHigh: Double? = nil)

    /// A proportion from counts; nil value when the denominator is 0.
    public static func rate(_ num: Int, _ den: Int) -> MetricValue {
        .proportion(value: den > 0 ? Double(num) / Double(den) : nil, num: num, den: den)
    }

    /// A count reported as a statistic whose value and n are the count.
    public static func count(_ n: Int) -> MetricValue { .statistic(value: Double(n), n: n) }

    /// The figure itself, nil when undefined.
    public var value: Double? {
        switch self {
        case .proportion(let value, _, _): return value
        case .statistic(let value, _, _, _): return value
        }
    }
}
