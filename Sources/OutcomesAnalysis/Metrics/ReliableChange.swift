import Foundation
import OutcomesCore

/// Whether a change is reliable, and in which direction.
public enum ReliableChangeCategory: String, Hashable, Sendable {
    case improvement, deterioration
    case noReliableChange = "no_reliable_change"
}

/// A reliable-change threshold in reporting-scale points, and whether reaching it exactly counts.
public struct ReliableChange: Hashable, Sendable {
    public var points: Double
    /// True for the published threshold (>=); false for Jacobson-Truax (>).
    public var inclusive: Bool
    public var method: ReliableChangeMethod

    public init(points: Double, inclusive: Bool, method: ReliableChangeMethod) {
        self.points = points
        self.inclusive = inclusive
        self.method = method
    }

    /// The registry's published threshold, if the instrument has one.
    public static func published(_ instrument: Instrument) -> ReliableChange? {
        instrument.reliableChangePoints.map { ReliableChange(points: $0, inclusive: true, method: .published) }
    }

    /// Jacobson-Truax: 1.96 x SD(baselines, n - 1) x sqrt(2 (1 - r)); nil without a reliability or
    /// with fewer than two baselines.
    public static func jacobsonTruax(_ instrument: Instrument, baselines: [Double]) -> ReliableChange? {
        guard let r = instrument.reliability, let sd = Descriptive.standardDeviation(baselines) else { return nil }
        return ReliableChange(points: 1.96 * sd * (2 * (1 - r)).squareRoot(), inclusive: false, method: .jacobsonTruax)
    }

    /// The threshold of `method` for a cohort whose valid pairs have these baselines.
    public static func threshold(_ method: ReliableChangeMethod, _ instrument: Instrument, baselines: [Double]) -> ReliableChange? {
        switch method {
        case .published: return published(instrument)
        case .jacobsonTruax: return jacobsonTruax(instrument, baselines: baselines)
        }
    }

    /// True when a change of `points` in the better (or worse) direction reaches the threshold.
    public func isReliable(_ change: Double) -> Bool {
        inclusive ? change >= points - 1e-9 : change > points + 1e-9
    }

    /// Classifies a baseline-to-final change, direction-aware.
    public func classify(_ instrument: Instrument, baseline: Double, final: Double) -> ReliableChangeCategory {
        let improvement = instrument.improvement(from: baseline, to: final)
        if isReliable(improvement) { return .improvement }
        if isReliable(-improvement) { return .deterioration }
        return .noReliableChange
    }
}
