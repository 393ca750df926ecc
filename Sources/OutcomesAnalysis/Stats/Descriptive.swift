import Foundation

/// Means, standard deviations and quantiles of plain samples.
public enum Descriptive {
    /// Arithmetic mean; nil for an empty sample.
    public static func mean(_ values: [Double]) -> Double? {
        values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }

    /// Sample standard deviation (n - 1); nil below two values.
    public static func standardDeviation(_ values: [Double]) -> Double? {
        guard values.count > 1, let mean = mean(values) else { return nil }
        let squares = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        return (squares / Double(values.count - 1)).squareRoot()
    }

    /// Quantile by linear interpolation between order statistics (Hyndman-Fan type 7, R's
    /// default): the median of an even sample is the mean of the two middle values.
    public static func quantile(_ values: [Double], _ probability: Double) -> Double? {
        quantile(sorted: values.sorted(), probability)
    }

    /// Type-7 quantile of an already sorted sample.
    public static func quantile(sorted: [Double], _ probability: Double) -> Double? {
        guard !sorted.isEmpty else { return nil }
        let position = probability * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down))
        let upper = min(lower + 1, sorted.count - 1)
        let fraction = position - Double(lower)
        return sorted[lower] + fraction * (sorted[upper] - sorted[lower])
    }

    /// Median (type 7).
    public static func median(_ values: [Double]) -> Double? { quantile(values, 0.5) }
}

/// A sample mean with its Student-t 95% confidence interval.
public struct MeanEstimate: Hashable, Sendable {
    public var mean: Double?
    public var standardDeviation: Double?
    public var ciLow: Double?
    public var ciHigh: Double?
    public var n: Int

    /// Mean, SD (n - 1) and mean +/- t(0.975, n - 1) x SD / sqrt(n); the CI needs n >= 2.
    public init(_ values: [Double]) {
        n = values.count
        mean = Descriptive.mean(values)
        standardDeviation = Descriptive.standardDeviation(values)
        if let mean, let sd = standardDeviation, let t = StudentT.quantile(0.975, degreesOfFreedom: Double(n - 1)) {
            let half = t * sd / Double(n).squareRoot()
            ciLow = mean - half
            ciHigh = mean + half
        }
    }

    /// As a metric value (`{value, n}` with the CI).
    public var metric: MetricValue { .statistic(value: mean, n: n, ciLow: ciLow, ciHigh: ciHigh) }
}
