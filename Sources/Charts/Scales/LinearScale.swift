/// Maps a data interval onto a span of points (either direction).
public struct LinearScale: Equatable, Sendable {
    public var domain: ClosedRange<Double>
    /// Scene coordinate of `domain.lowerBound` and of `domain.upperBound`.
    public var start: Double
    public var end: Double

    public init(domain: ClosedRange<Double>, start: Double, end: Double) {
        self.domain = domain
        self.start = start
        self.end = end
    }

    public func position(_ value: Double) -> Double {
        let span = domain.upperBound - domain.lowerBound
        guard span > 0 else { return (start + end) / 2 }
        return start + (value - domain.lowerBound) / span * (end - start)
    }
}

/// Equal bands for categories 0 ..< count, with padding between them.
public struct BandScale: Equatable, Sendable {
    public var count: Int
    public var start: Double
    public var end: Double
    /// Share of each step left empty between bands (0 ... 1).
    public var padding: Double

    public init(count: Int, start: Double, end: Double, padding: Double = 0.3) {
        self.count = count
        self.start = start
        self.end = end
        self.padding = padding
    }

    /// Distance between the centres of neighbouring bands.
    public var step: Double { (end - start) / Double(max(count, 1)) }
    public var bandwidth: Double { abs(step) * (1 - padding) }

    /// Centre of category `index` (fractional indices interpolate).
    public func position(_ index: Double) -> Double {
        start + (index + 0.5) * step
    }
}
