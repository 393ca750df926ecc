extension ControlChart.Kind {
    /// The plotted value of each observation of one phase: the proportion or rate times the
    /// multiplier (p, u), the value itself (c, i, run), or the moving range to the previous
    /// present value of the phase (mr; the phase's first value has none). nil is a gap.
    func plottedValues(_ observations: ArraySlice<SPCObservation>, multiplier: Double) -> [Double?] {
        switch self {
        case .p, .u:
            return observations.map { observation in ratio(observation).map { $0 * multiplier } }
        case .c, .i, .run:
            return observations.map { $0.value.flatMap { $0.isFinite ? $0 : nil } }
        case .mr:
            var previous: Double?
            return observations.map { observation in
                guard let value = observation.value, value.isFinite else { return nil }
                defer { previous = value }
                return previous.map { abs(value - $0) }
            }
        }
    }

    /// The unscaled proportion (p) or rate (u) of an observation; nil when it cannot be charted:
    /// no positive denominator, a negative numerator, or (p) a numerator above the denominator.
    func ratio(_ observation: SPCObservation) -> Double? {
        guard let numerator = observation.value, let denominator = observation.denominator,
              numerator.isFinite, denominator.isFinite, denominator > 0, numerator >= 0,
              self != .p || numerator <= denominator
        else { return nil }
        return numerator / denominator
    }

    /// The values the chart's limits are clipped to: [0, multiplier] for proportions,
    /// [0, infinity) for rates, counts and moving ranges, anything for individuals.
    func possibleRange(multiplier: Double) -> ClosedRange<Double> {
        switch self {
        case .p: return 0...multiplier
        case .u, .c, .mr: return 0...Double.infinity
        case .i, .run: return -Double.infinity...Double.infinity
        }
    }
}
