/// The centre of one phase and the sigma at each of its points.
struct PhaseSigma {
    /// The centre line; nil when the baseline has no usable point.
    let centre: Double?
    /// Sigma at each point of the phase; nil where no limits apply.
    let sigma: [Double?]
}

extension ControlChart.Kind {
    /// D4 for moving ranges of two: the upper limit of a moving range is 3.267 x the mean moving range.
    static let movingRangeLimitFactor = 3.267
    /// d2 for moving ranges of two: sigma = mean moving range / 1.128.
    static let movingRangeSigmaDivisor = 1.128

    /// The centre and per-point sigma of a phase, computed from its `baseline` points (local
    /// indices of included points with a value, in order).
    ///
    /// p: p-bar = sum of numerators / sum of denominators, sigma_i = sqrt(p-bar (1 - p-bar) / n_i);
    /// u: u-bar likewise, sigma_i = sqrt(u-bar / n_i) (both scaled by the multiplier);
    /// c: mean count, sigma = sqrt(mean); i: mean, sigma = screened mean moving range / 1.128;
    /// mr: mean moving range, sigma = (3.267 - 1) / 3 x the mean, so that 3 sigma reaches 3.267 x mean;
    /// run: the median, no sigma.
    func phaseSigma(
        values: [Double?], observations: ArraySlice<SPCObservation>, baseline: [Int], multiplier: Double
    ) -> PhaseSigma {
        let base = baseline.compactMap { values[$0] }
        let none = PhaseSigma(centre: nil, sigma: values.map { _ in nil })
        switch self {
        case .p, .u:
            let rows = baseline.map { observations[observations.startIndex + $0] }
            let denominator = rows.reduce(0) { $0 + ($1.denominator ?? 0) }
            guard denominator > 0 else { return none }
            let bar = rows.reduce(0) { $0 + ($1.value ?? 0) } / denominator
            let sigma = zip(values, observations).map { value, row -> Double? in
                guard value != nil, let n = row.denominator else { return nil }
                let variance = self == .p ? bar * (1 - bar) / n : bar / n
                return variance.squareRoot() * multiplier
            }
            return PhaseSigma(centre: bar * multiplier, sigma: sigma)
        case .c:
            guard let mean = Self.mean(base) else { return none }
            return PhaseSigma(centre: mean, sigma: values.map { $0 == nil ? nil : mean.squareRoot() })
        case .i:
            guard let mean = Self.mean(base) else { return none }
            let sigma = Self.screenedMeanMovingRange(base).map { $0 / Self.movingRangeSigmaDivisor }
            return PhaseSigma(centre: mean, sigma: values.map { $0 == nil ? nil : sigma })
        case .mr:
            guard let mean = Self.mean(base) else { return none }
            let sigma = (Self.movingRangeLimitFactor - 1) / 3 * mean
            return PhaseSigma(centre: mean, sigma: values.map { $0 == nil ? nil : sigma })
        case .run:
            return PhaseSigma(centre: RunChart.median(base), sigma: values.map { _ in nil })
        }
    }

    /// The mean moving range of consecutive values after leaving out the moving ranges above
    /// 3.267 x the first mean (as qicharts2 and NHS Making Data Count do); nil with fewer than two values.
    static func screenedMeanMovingRange(_ values: [Double]) -> Double? {
        let ranges = zip(values.dropFirst(), values).map { abs($0 - $1) }
        guard let first = mean(ranges) else { return nil }
        return mean(ranges.filter { $0 <= movingRangeLimitFactor * first })
    }

    static func mean(_ values: [Double]) -> Double? {
        values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }
}
