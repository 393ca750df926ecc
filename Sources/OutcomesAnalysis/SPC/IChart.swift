/// The I-chart (individuals, XmR) for a series of measured values such as monthly means.
///
/// Centre = mean of the values; limits = mean +/- 2.66 x mean moving range, where the moving
/// ranges are |x_i - x_(i-1)| between consecutive present values (gaps are skipped).
public enum IChart {
    /// The XmR constant 3 / d2(2) = 3 / 1.128, rounded as in the SPC literature.
    public static let movingRangeFactor = 2.66

    /// Builds the chart; with `frozen`, the mean and mean moving range come from the baseline.
    public static func build(_ points: [ValuePoint], frozen: FrozenLimits? = nil) -> ControlChart {
        let baseline = frozen?.baselineIndices(count: points.count) ?? points.indices
        let baselineValues = points[baseline].compactMap(\.value)
        let centre = mean(baselineValues)
        var limits: ControlChart.Limits?
        if let centre, let range = meanMovingRange(baselineValues) {
            limits = (centre - movingRangeFactor * range, centre + movingRangeFactor * range)
        }
        return ControlChart.assemble(
            kind: .individuals, labels: points.map(\.label), values: points.map(\.value),
            centre: centre, limits: points.map { _ in limits }, frozen: frozen
        )
    }

    /// The mean moving range of consecutive values; nil with fewer than two values.
    public static func meanMovingRange(_ values: [Double]) -> Double? {
        guard values.count >= 2 else { return nil }
        let ranges = zip(values.dropFirst(), values).map { abs($0 - $1) }
        return mean(ranges)
    }

    private static func mean(_ values: [Double]) -> Double? {
        values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }
}
