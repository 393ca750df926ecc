/// The p-chart for proportions with unequal denominators.
///
/// p-bar = sum of numerators / sum of denominators over the baseline (never a mean of rates);
/// limits at point i = p-bar +/- 3 sqrt(p-bar (1 - p-bar) / n_i), clipped to [0, 1].
/// Points without a usable denominator are gaps: kept in place, excluded from p-bar,
/// limits and the runs analysis.
public enum PChart {
    /// Builds the chart; with `frozen`, p-bar comes from the baseline points only.
    public static func build(_ points: [ProportionPoint], frozen: FrozenLimits? = nil) -> ControlChart {
        ControlChart.build(.p, points.map {
            SPCObservation(label: $0.label, value: Double($0.numerator), denominator: Double($0.denominator))
        }, options: SPCOptions(frozen: frozen))
    }
}
