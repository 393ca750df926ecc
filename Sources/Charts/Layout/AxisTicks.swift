/// Resolved ticks for a numeric axis: values, labels and the domain they span.
struct AxisTicks {
    var values: [Double]
    var labels: [String?]
    var domain: ClosedRange<Double>

    /// Nice ticks for `spec` over `data`, at most `maxCount` of them.
    static func nice(_ spec: AxisSpec, data: ClosedRange<Double>?, maxCount: Int) -> AxisTicks {
        var lower = data?.lowerBound ?? 0
        var upper = data?.upperBound ?? 1
        if spec.includesZero {
            lower = min(lower, 0)
            upper = max(upper, 0)
        }
        if let fixed = spec.domain {
            let ticks = NiceTicks(lower: fixed.lowerBound, upper: fixed.upperBound, maxCount: maxCount)
            let inside = ticks.values.filter { $0 >= fixed.lowerBound - 1e-9 && $0 <= fixed.upperBound + 1e-9 }
            return AxisTicks(values: inside, labels: inside.map { spec.format.tickLabel($0, step: ticks.step) },
                             domain: fixed)
        }
        if spec.format == .percent, lower >= 0, upper <= 1 {
            lower = max(0, lower)
            upper = min(1, upper)
        }
        let ticks = NiceTicks(lower: lower, upper: upper, maxCount: maxCount)
        var values = ticks.values
        if spec.format == .percent, lower >= 0, upper <= 1 {
            values = values.filter { $0 >= -1e-9 && $0 <= 1 + 1e-9 }
        }
        let domain = (values.first ?? lower)...(values.last ?? upper)
        return AxisTicks(values: values, labels: values.map { spec.format.tickLabel($0, step: ticks.step) },
                         domain: domain)
    }

    /// Exactly `ticks` over `domain`.
    static func fixed(_ spec: AxisSpec, ticks: [Double], domain: ClosedRange<Double>) -> AxisTicks {
        let step = zip(ticks.dropFirst(), ticks).map { $0 - $1 }.min() ?? 1
        return AxisTicks(values: ticks, labels: ticks.map { spec.format.tickLabel($0, step: step) },
                         domain: domain)
    }
}

extension ClosedRange where Bound == Double {
    /// The smallest range holding all `values` (nil when there are none).
    static func spanning(_ values: [Double]) -> ClosedRange<Double>? {
        let finite = values.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max() else { return nil }
        return low...high
    }
}
