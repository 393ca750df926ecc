import Foundation

/// The Anhøj rules for non-random variation in run and control charts
/// (Anhøj & Olesen 2014, as in R's qicharts2).
///
/// Points on the centre line and missing points are ignored: they neither extend
/// nor break a run, and they are not counted in n.
public enum AnhoejRules {
    /// The longest run that is still random for `usefulCount` useful points: round(log2(n) + 3).
    ///
    /// R rounds half to even; log2(n) + 3 is never exactly k + 0.5 for a whole n >= 1
    /// (that would need n = 2^m x sqrt(2)), so every rounding rule agrees. Half-to-even is used.
    /// Returns 0 when there are no useful points.
    public static func longestRunLimit(usefulCount: Int) -> Int {
        guard usefulCount > 0 else { return 0 }
        return Int((log2(Double(usefulCount)) + 3).rounded(.toNearestOrEven))
    }

    /// The fewest crossings that are still random for `usefulCount` useful points:
    /// the 5th percentile of Binomial(n - 1, 0.5), exactly as R's `qbinom(0.05, n - 1, 0.5)`.
    /// Returns 0 when there are fewer than 2 useful points.
    public static func minimumCrossings(usefulCount: Int) -> Int {
        BinomialQuantile.lowerQuantile(trials: usefulCount - 1, numerator: 1, denominator: 20)
    }

    /// Analyses `values` (nil = a gap) against `centre`.
    public static func analyse(_ values: [Double?], centre: Double) -> AnhoejResult {
        var runs: [[Int]] = []  // indices of the points in each run, in order
        var lastSide = 0
        for (index, value) in values.enumerated() {
            guard let value, value != centre, !value.isNaN else { continue }
            let side = value > centre ? 1 : -1
            if side == lastSide, !runs.isEmpty {
                runs[runs.count - 1].append(index)
            } else {
                runs.append([index])
            }
            lastSide = side
        }
        let useful = runs.reduce(0) { $0 + $1.count }
        let runLimit = longestRunLimit(usefulCount: useful)
        return AnhoejResult(
            usefulCount: useful,
            longestRun: runs.map(\.count).max() ?? 0,
            longestRunLimit: runLimit,
            crossings: max(runs.count - 1, 0),
            minimumCrossings: minimumCrossings(usefulCount: useful),
            signallingRunIndices: runs.filter { $0.count > runLimit }.flatMap { $0 }
        )
    }
}
