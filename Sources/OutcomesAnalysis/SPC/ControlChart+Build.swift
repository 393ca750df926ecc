extension ControlChart {
    /// Builds a chart of `kind` from `observations`: per phase, the centre and sigma come from the
    /// included points (of the baseline when frozen); each point gets 3-sigma and 2-sigma limits
    /// clipped to the possible range, and the Anhøj rules run per phase on the included points.
    public static func build(
        _ kind: Kind, _ observations: [SPCObservation], options: SPCOptions = SPCOptions()
    ) -> ControlChart {
        var points: [ChartPoint] = []
        var phases: [ControlChartPhase] = []
        for (number, range) in options.phaseRanges(count: observations.count).enumerated() {
            let frozen = number == 0 ? options.frozen : nil
            let built = buildPhase(kind, observations[range], number: number, frozen: frozen, options: options)
            points += built.points
            phases.append(built.phase)
        }
        return ControlChart(kind: kind, points: points, phases: phases)
    }

    private static func buildPhase(
        _ kind: Kind, _ observations: ArraySlice<SPCObservation>, number: Int, frozen: FrozenLimits?,
        options: SPCOptions
    ) -> (points: [ChartPoint], phase: ControlChartPhase) {
        let start = observations.startIndex
        let values = kind.plottedValues(observations, multiplier: options.multiplier)
        let included = values.indices.map { !options.excluded.contains(start + $0) }
        let judged = values.indices.map { included[$0] ? values[$0] : nil }
        let baselineRange = frozen?.baselineIndices(count: values.count) ?? values.indices
        let baseline = baselineRange.filter { judged[$0] != nil }
        let computed = kind.phaseSigma(
            values: values, observations: observations, baseline: baseline, multiplier: options.multiplier)
        let centre = computed.centre
        let afterRange = frozen?.followUpIndices(count: values.count)
        let runs = analyse(judged, range: baselineRange, centre: centre, offset: start)
        let runsAfter = afterRange.map { analyse(judged, range: $0, centre: centre, offset: start) }
        let inLongRun = Set(runs.signallingRunIndices + (runsAfter?.signallingRunIndices ?? []))
        let possible = kind.possibleRange(multiplier: options.multiplier)
        let points = values.indices.map { index in
            let limits = limits(centre, computed.sigma[index], width: 3, within: possible)
            var outside = false
            if let value = judged[index], let limits { outside = value < limits.lower || value > limits.upper }
            return ChartPoint(
                label: observations[start + index].label, value: values[index],
                denominator: kind == .p || kind == .u ? observations[start + index].denominator : nil,
                centre: centre, limits: limits,
                warningLimits: self.limits(centre, computed.sigma[index], width: 2, within: possible),
                phase: number, isIncluded: included[index],
                isOutsideLimits: outside, isInLongRun: inLongRun.contains(start + index)
            )
        }
        let phase = ControlChartPhase(
            range: observations.indices, baselineCount: frozen.map { _ in baselineRange.count }, centre: centre,
            runs: runs, runsAfterBaseline: runsAfter, hasSigmaSignal: points.contains { $0.isOutsideLimits })
        return (points, phase)
    }

    /// centre -/+ `width` sigma, clipped to `possible`; nil without a centre or a sigma.
    private static func limits(
        _ centre: Double?, _ sigma: Double?, width: Double, within possible: ClosedRange<Double>
    ) -> ControlLimits? {
        guard let centre, let sigma else { return nil }
        let lower = min(max(centre - width * sigma, possible.lowerBound), possible.upperBound)
        let upper = min(max(centre + width * sigma, possible.lowerBound), possible.upperBound)
        return ControlLimits(lower: lower, upper: upper)
    }

    /// The Anhøj analysis of `values[range]`, with indices mapped back into the whole series.
    private static func analyse(_ values: [Double?], range: Range<Int>, centre: Double?, offset: Int) -> AnhoejResult {
        let slice = centre == nil ? [] : Array(values[range])
        let result = AnhoejRules.analyse(slice, centre: centre ?? 0)
        return AnhoejResult(
            usefulCount: result.usefulCount,
            longestRun: result.longestRun,
            longestRunLimit: result.longestRunLimit,
            crossings: result.crossings,
            minimumCrossings: result.minimumCrossings,
            signallingRunIndices: result.signallingRunIndices.map { $0 + range.lowerBound + offset }
        )
    }
}
