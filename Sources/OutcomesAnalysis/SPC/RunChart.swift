/// The run chart: the values around their median, judged by the Anhøj rules alone.
public enum RunChart {
    /// Builds the chart; with `frozen`, the median comes from the baseline points only.
    public static func build(_ points: [ValuePoint], frozen: FrozenLimits? = nil) -> ControlChart {
        let baseline = frozen?.baselineIndices(count: points.count) ?? points.indices
        return ControlChart.assemble(
            kind: .run, labels: points.map(\.label), values: points.map(\.value),
            centre: median(points[baseline].compactMap(\.value)),
            limits: points.map { _ in nil }, frozen: frozen
        )
    }

    /// The median (the mean of the two middle values for an even count); nil when empty.
    public static func median(_ values: [Double]) -> Double? {
        let sorted = values.filter { !$0.isNaN }.sorted()
        guard !sorted.isEmpty else { return nil }
        let middle = sorted.count / 2
        return sorted.count.isMultiple(of: 2) ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[middle]
    }
}
