/// The I-chart (individuals, XmR) for a series of measured values such as monthly means.
///
/// Centre = mean of the values; sigma = mean moving range / 1.128, where the moving ranges are
/// |x_i - x_(i-1)| between consecutive present values (gaps are skipped) and those above
/// 3.267 x their mean are left out of the mean; limits = centre +/- 3 sigma.
public enum IChart {
    /// Builds the chart; with `frozen`, the mean and mean moving range come from the baseline.
    public static func build(_ points: [ValuePoint], frozen: FrozenLimits? = nil) -> ControlChart {
        ControlChart.build(.i, points.map { SPCObservation(label: $0.label, value: $0.value) },
                           options: SPCOptions(frozen: frozen))
    }
}
