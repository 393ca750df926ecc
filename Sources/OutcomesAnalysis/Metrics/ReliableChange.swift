import Foundation
import OutcomesCore

/// Whether a change is reliable, and in which direction.
public enum ReliableChangeCategory: String, Hashable, Sendable {
    case improvement, deterioration
    case noReliableChange = "no_reliable_change"
}

/// A reliable-change threshold in reporting-scale points, and whether reaching it exactly counts.
///
/// The comparison rule: a published threshold is a `Score` and an exact change reaches it by an
/// exact integer comparison (ORS 20.3 -> 14.3 is a change of exactly 6.0, so it reaches 6); a
/// Jacobson-Truax threshold is computed (`Double`) and the exact change, converted once to the
/// nearest `Double`, must exceed it strictly (SPEC section 5). No tolerance is added on either side.
public struct ReliableChange: Hashable, Sendable {
    /// The threshold as a number (for tables and JSON); `exactPoints` decides when present.
    public var points: Double
    /// True for the published threshold (>=); false for Jacobson-Truax (>).
    public var inclusive: Bool
    public var method: ReliableChangeMethod
    /// The published threshold, exactly; nil for a computed one.
    public var exactPoints: Score?

    /// A computed threshold (Jacobson-Truax), compared as a `Double`.
    public init(points: Double, inclusive: Bool, method: ReliableChangeMethod) {
        self.points = points
        self.inclusive = inclusive
        self.method = method
    }

    /// An exact threshold (the registry's published points).
    public init(exactPoints: Score, inclusive: Bool, method: ReliableChangeMethod) {
        self.init(points: exactPoints.doubleValue, inclusive: inclusive, method: method)
        self.exactPoints = exactPoints
    }

    /// The registry's published threshold, if the instrument has one.
    public static func published(_ instrument: Instrument) -> ReliableChange? {
        instrument.reliableChangePoints.map { ReliableChange(exactPoints: $0, inclusive: true, method: .published) }
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

    /// True when a change of `change` points in the better (or worse) direction reaches the threshold.
    public func isReliable(_ change: Score) -> Bool {
        if let exactPoints { return inclusive ? change >= exactPoints : change > exactPoints }
        return inclusive ? change.doubleValue >= points : change.doubleValue > points
    }

    /// Classifies a baseline-to-final change, direction-aware.
    public func classify(_ instrument: Instrument, baseline: Score, final: Score) -> ReliableChangeCategory {
        let improvement = instrument.improvement(from: baseline, to: final)
        if isReliable(improvement) { return .improvement }
        if isReliable(-improvement) { return .deterioration }
        return .noReliableChange
    }
}
