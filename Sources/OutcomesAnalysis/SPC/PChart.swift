/// The p-chart for proportions with unequal denominators.
///
/// p-bar = sum of numerators / sum of denominators over the baseline (never a mean of rates);
/// limits at point i = p-bar +/- 3 sqrt(p-bar (1 - p-bar) / n_i), clipped to [0, 1].
/// Points without a usable denominator are gaps: kept in place, excluded from p-bar,
/// limits and the runs analysis.
public enum PChart {
    /// Builds the chart; with `frozen`, p-bar comes from the baseline points only.
    public static func build(_ points: [ProportionPoint], frozen: FrozenLimits? = nil) -> ControlChart {
        let baseline = frozen?.baselineIndices(count: points.count) ?? points.indices
        let pBar = centre(of: points[baseline])
        let pointLimits = points.map { point -> ControlChart.Limits? in
            guard let pBar, point.proportion != nil else { return nil }
            return limits(pBar: pBar, denominator: point.denominator)
        }
        return ControlChart.assemble(
            kind: .p, labels: points.map(\.label), values: points.map(\.proportion),
            denominators: points.map(\.denominator),
            centre: pBar, limits: pointLimits, frozen: frozen
        )
    }

    /// p-bar of the usable points, or nil when their denominators sum to 0.
    public static func centre(of points: some Collection<ProportionPoint>) -> Double? {
        let usable = points.filter { $0.proportion != nil }
        let denominator = usable.reduce(0) { $0 + $1.denominator }
        guard denominator > 0 else { return nil }
        return Double(usable.reduce(0) { $0 + $1.numerator }) / Double(denominator)
    }

    /// The 3-sigma limits around `pBar` for a point with `denominator` cases, clipped to [0, 1].
    public static func limits(pBar: Double, denominator: Int) -> (lower: Double, upper: Double) {
        let sigma = (pBar * (1 - pBar) / Double(denominator)).squareRoot()
        return (max(0, pBar - 3 * sigma), min(1, pBar + 3 * sigma))
    }
}
