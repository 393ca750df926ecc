/// Funnel-plot limits around an overall proportion, by the normal approximation.
///
/// p = sum of numerators / sum of denominators over all groups; the limits at n are
/// p +/- z sqrt(p (1 - p) / n), clipped to [0, 1], for 95% and 99.8% coverage.
public struct FunnelLimits: Sendable, Equatable {
    /// Two-sided 95%: qnorm(0.975).
    public static let z95 = 1.959964
    /// Two-sided 99.8%: qnorm(0.999).
    public static let z998 = 3.090232

    /// The overall proportion the funnel is centred on.
    public let proportion: Double

    public init(proportion: Double) {
        self.proportion = proportion
    }

    /// Centres the funnel on the pooled proportion of `groups`; nil when their denominators sum to 0.
    public init?(groups: [FunnelGroup]) {
        let usable = groups.filter { $0.proportion != nil }
        let denominator = usable.reduce(0) { $0 + $1.denominator }
        guard denominator > 0 else { return nil }
        self.init(proportion: Double(usable.reduce(0) { $0 + $1.numerator }) / Double(denominator))
    }

    /// The four limits at a denominator of `n`; the whole of [0, 1] when n <= 0.
    public func band(at n: Double) -> FunnelBand {
        guard n > 0 else { return FunnelBand(n: n, lower998: 0, lower95: 0, upper95: 1, upper998: 1) }
        let sigma = (proportion * (1 - proportion) / n).squareRoot()
        func clip(_ value: Double) -> Double { min(1, max(0, value)) }
        return FunnelBand(
            n: n,
            lower998: clip(proportion - Self.z998 * sigma),
            lower95: clip(proportion - Self.z95 * sigma),
            upper95: clip(proportion + Self.z95 * sigma),
            upper998: clip(proportion + Self.z998 * sigma)
        )
    }

    /// The limits at each of `ns`, for drawing a smooth funnel.
    public func bands(at ns: [Double]) -> [FunnelBand] {
        ns.map { band(at: $0) }
    }

    /// Where `group` lies against the limits at its own denominator.
    public func position(of group: FunnelGroup) -> FunnelPosition {
        guard let value = group.proportion else { return .noData }
        let limits = band(at: Double(group.denominator))
        if value > limits.upper998 { return .above998 }
        if value > limits.upper95 { return .above95 }
        if value < limits.lower998 { return .below998 }
        if value < limits.lower95 { return .below95 }
        return .inside
    }

    /// Every group with its proportion, limits and position, in input order.
    public func classify(_ groups: [FunnelGroup]) -> [FunnelGroupResult] {
        groups.map { group in
            FunnelGroupResult(
                group: group,
                band: group.proportion == nil ? nil : band(at: Double(group.denominator)),
                position: position(of: group)
            )
        }
    }
}
