/// Exact quantiles of the symmetric binomial distribution Binomial(trials, 0.5).
enum BinomialQuantile {
    /// The smallest k with P(X <= k) >= `numerator`/`denominator` for X ~ Binomial(`trials`, 0.5),
    /// as R's `qbinom(p, trials, 0.5)`, computed in exact integer arithmetic.
    ///
    /// P(X <= k) >= num/den  <=>  den x sum_{i<=k} C(trials, i) >= num x 2^trials,
    /// so no rounding can move the answer. Returns 0 when `trials` <= 0.
    static func lowerQuantile(trials: Int, numerator: UInt32, denominator: UInt32) -> Int {
        guard trials > 0, denominator > 0 else { return 0 }
        var target = ExactNatural.powerOfTwo(trials)
        target.multiply(by: numerator)
        var coefficient = ExactNatural(1)  // C(trials, k)
        var cumulative = ExactNatural(0)
        for k in 0...trials {
            cumulative = cumulative + coefficient
            var scaled = cumulative
            scaled.multiply(by: denominator)
            if !(scaled < target) { return k }
            // C(trials, k + 1) = C(trials, k) x (trials - k) / (k + 1), always exact.
            coefficient.multiply(by: UInt32(trials - k))
            coefficient.divide(by: UInt32(k + 1))
        }
        return trials
    }
}
