/// The run chart: the values around their median, judged by the Anhøj rules alone.
public enum RunChart {
    /// Builds the chart; with `frozen`, the median comes from the baseline points only.
    public static func build(_ points: [ValuePoint], frozen: FrozenLimits? = nil) -> ControlChart {
        ControlChart.build(.run, points.map { SPCObservation(label: $0.label, value: $0.value) },
                           options: SPCOptions(frozen: frozen))
    }

    /// The median (the mean of the two middle values for an even count); nil when empty.
    public static func median(_ values: [Double]) -> Double? {
        let sorted = values.filter { !$0.isNaN }.sorted()
        guard !sorted.isEmpty else { return nil }
        let middle = sorted.count / 2
        return sorted.count.isMultiple(of: 2) ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[middle]
    }
}
