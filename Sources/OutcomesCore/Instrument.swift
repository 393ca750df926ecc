/// Whether higher totals mean more symptoms or better wellbeing.
public enum ScoreDirection: String, Sendable, Codable, Hashable {
    case higherIsWorse = "higher_is_worse"
    case higherIsBetter = "higher_is_better"
}

/// What to do when item responses are missing.
public enum MissingItemRule: Hashable, Sendable {
    /// Every item must be answered.
    case strict
    /// Up to `maxMissing` items may be blank; the total is the mean of answered items
    /// times the item count, rounded half up.
    case prorate(maxMissing: Int)
}

/// A named range of totals on the reporting scale, for example PHQ-9 10-14 "moderate".
public struct SeverityBand: Hashable, Sendable {
    public var label: String
    public var lower: Double
    public var upper: Double

    public init(label: String, lower: Double, upper: Double) {
        self.label = label
        self.lower = lower
        self.upper = upper
    }

    public func contains(_ score: Double) -> Bool { lower <= score && score <= upper }
}

/// A standardized scale: how to score it and how to read a score (SPEC section 4).
///
/// Raw totals (the sum of scored items) are stored; thresholds, bands and caseness are on the
/// *reporting* scale, which is the raw total times `reportingFactor` (4 for WHO-5, else 1).
public struct Instrument: Hashable, Sendable {
    public var code: String
    public var name: String
    /// Allowed raw responses for each item, in item order.
    public var itemValues: [[Int]]
    /// 1-based numbers of the items scored in reverse (max + min - response).
    public var reverseScoredItems: Set<Int>
    public var totalRange: ClosedRange<Int>
    public var direction: ScoreDirection
    public var reportingFactor: Double
    public var bands: [SeverityBand]
    /// A score at or beyond this value (>= when higher is worse, <= when higher is better) is a case.
    public var casenessCutoff: Double?
    /// Reliable-change threshold in reporting-scale points; nil when none is published.
    public var reliableChangePoints: Double?
    public var reliableChangeSource: String?
    /// Reliability coefficient for the Jacobson-Truax threshold.
    public var reliability: Double?
    public var missingItemRule: MissingItemRule
    /// Response: final at or below this fraction of baseline (0.5 for PHQ-9 and GAD-7).
    public var responseFraction: Double?
    /// Remission: final strictly below this score.
    public var remissionBelow: Double?
    public var loincPanel: String?
    public var loincTotal: String?

    public init(
        code: String, name: String, itemValues: [[Int]], reverseScoredItems: Set<Int> = [],
        totalRange: ClosedRange<Int>, direction: ScoreDirection = .higherIsWorse, reportingFactor: Double = 1,
        bands: [SeverityBand] = [], casenessCutoff: Double? = nil, reliableChangePoints: Double? = nil,
        reliableChangeSource: String? = nil, reliability: Double? = nil, missingItemRule: MissingItemRule = .strict,
        responseFraction: Double? = nil, remissionBelow: Double? = nil, loincPanel: String? = nil, loincTotal: String? = nil
    ) {
        self.code = code
        self.name = name
        self.itemValues = itemValues
        self.reverseScoredItems = reverseScoredItems
        self.totalRange = totalRange
        self.direction = direction
        self.reportingFactor = reportingFactor
        self.bands = bands
        self.casenessCutoff = casenessCutoff
        self.reliableChangePoints = reliableChangePoints
        self.reliableChangeSource = reliableChangeSource
        self.reliability = reliability
        self.missingItemRule = missingItemRule
        self.responseFraction = responseFraction
        self.remissionBelow = remissionBelow
        self.loincPanel = loincPanel
        self.loincTotal = loincTotal
    }

    public var itemCount: Int { itemValues.count }

    /// A raw total on the reporting scale.
    public func reported(_ rawTotal: Int) -> Double { Double(rawTotal) * reportingFactor }

    /// True when a reporting-scale score is a case.
    public func isCase(_ score: Double) -> Bool {
        guard let cutoff = casenessCutoff else { return false }
        return direction == .higherIsWorse ? score >= cutoff : score <= cutoff
    }

    /// Improvement from `baseline` to `final` in reporting-scale points: positive is better,
    /// whatever the direction of the scale.
    public func improvement(from baseline: Double, to final: Double) -> Double {
        direction == .higherIsWorse ? baseline - final : final - baseline
    }

    /// The band containing a reporting-scale score, if the instrument has bands.
    public func band(for score: Double) -> SeverityBand? { bands.first { $0.contains(score) } }
}
