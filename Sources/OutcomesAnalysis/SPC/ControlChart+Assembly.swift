extension ControlChart {
    /// Lower and upper control limits at one point.
    typealias Limits = (lower: Double, upper: Double)

    /// Puts a chart together from its values, centre and per-point limits, running the
    /// Anhøj rules against the centre (over the baseline and, when frozen, after it).
    static func assemble(
        kind: Kind, labels: [String], values: [Double?], denominators: [Int]? = nil,
        centre: Double?, limits: [Limits?], frozen: FrozenLimits?
    ) -> ControlChart {
        let count = values.count
        let baseline = frozen?.baselineIndices(count: count) ?? 0..<count
        let followUp = frozen?.followUpIndices(count: count)
        let runs = analyse(values, range: baseline, centre: centre)
        let runsAfter = followUp.map { analyse(values, range: $0, centre: centre) }
        let inLongRun = Set(runs.signallingRunIndices + (runsAfter?.signallingRunIndices ?? []))
        let points = values.indices.map { index in
            let value = values[index]
            let limit = value == nil ? nil : limits[index]
            var outside = false
            if let value, let limit { outside = value < limit.lower || value > limit.upper }
            return ChartPoint(
                label: labels[index], value: value, denominator: denominators?[index],
                lowerLimit: limit?.lower, upperLimit: limit?.upper,
                isOutsideLimits: outside, isInLongRun: inLongRun.contains(index)
            )
        }
        return ControlChart(
            kind: kind, centre: centre, frozen: frozen, points: points,
            runs: runs, runsAfterBaseline: runsAfter
        )
    }

    /// The Anhøj analysis of `values[range]`, with indices mapped back into the whole series.
    private static func analyse(_ values: [Double?], range: Range<Int>, centre: Double?) -> AnhoejResult {
        let slice = centre == nil ? [] : Array(values[range])
        let result = AnhoejRules.analyse(slice, centre: centre ?? 0)
        return AnhoejResult(
            usefulCount: result.usefulCount,
            longestRun: result.longestRun,
            longestRunLimit: result.longestRunLimit,
            crossings: result.crossings,
            minimumCrossings: result.minimumCrossings,
            signallingRunIndices: result.signallingRunIndices.map { $0 + range.lowerBound }
        )
    }
}
