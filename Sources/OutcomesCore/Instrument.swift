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
    public var lower: Score
    public var upper: Score

    public init(label: String, lower: Score, upper: Score) {
        self.label = label
        self.lower = lower
        self.upper = upper
    }

    /// True when `lower <= score <= upper`, compared exactly.
    public func contains(_ score: Score) -> Bool { lower <= score && score <= upper }
}

/// A standardized scale: how to score it and how to read a score (SPEC section 4).
///
/// Raw totals (the sum of scored items) are stored; thresholds, bands and caseness are on the
/// *reporting* scale, which is the raw total times `reportingFactor` (4 for WHO-5, else 1).
///
/// Every value is an exact `Score`: responses and totals carry `decimals` places (0 for the
/// built-in instruments, 1 for ORS and SRS), may be negative where the ranges say so, and
/// every comparison with a cutoff, a band edge or a threshold is exact (`Score`).
public struct Instrument: Hashable, Sendable {
    public var code: String
    public var name: String
    /// Decimal places of item responses and totals (0 to 3); a value with more is refused.
    public var decimals: Int
    /// Allowed raw responses for each item, in item order.
    public var itemValues: [ItemValues]
    /// 1-based numbers of the items scored in reverse (max + min - response).
    public var reverseScoredItems: Set<Int>
    public var totalRange: ClosedRange<Score>
    public var direction: ScoreDirection
    /// Reporting scale = raw total x this factor, exactly.
    public var reportingFactor: Score
    public var bands: [SeverityBand]
    /// A score at or beyond this value (>= when higher is worse, <= when higher is better) is a case.
    public var casenessCutoff: Score?
    /// Reliable-change threshold in reporting-scale points; nil when none is published.
    public var reliableChangePoints: Score?
    public var reliableChangeSource: String?
    /// Reliability coefficient for the Jacobson-Truax threshold.
    public var reliability: Double?
    public var missingItemRule: MissingItemRule
    /// Response: final at or below this fraction of baseline (0.5 for PHQ-9 and GAD-7).
    public var responseFraction: Score?
    /// Remission: final strictly below this score.
    public var remissionBelow: Score?
    public var loincPanel: String?
    public var loincTotal: String?
    /// LOINC codes of the items, in item order (empty when none are registered), for FHIR and
    /// long exports that name items by code.
    public var loincItems: [String] = []
    /// Points of each LOINC answer code (`LA6571-9` "Nearly every day" = 3 on PHQ-9).
    public var loincAnswers: [String: Score] = [:]
    /// LOINC codes asked with the instrument but never summed (the difficulty question).
    public var loincUnscored: Set<String> = []

    public init(
        code: String, name: String, decimals: Int = 0, itemValues: [ItemValues], reverseScoredItems: Set<Int> = [],
        totalRange: ClosedRange<Score>, direction: ScoreDirection = .higherIsWorse, reportingFactor: Score = 1,
        bands: [SeverityBand] = [], casenessCutoff: Score? = nil, reliableChangePoints: Score? = nil,
        reliableChangeSource: String? = nil, reliability: Double? = nil, missingItemRule: MissingItemRule = .strict,
        responseFraction: Score? = nil, remissionBelow: Score? = nil, loincPanel: String? = nil,
        loincTotal: String? = nil
    ) {
        self.code = code
        self.name = name
        self.decimals = decimals
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

    /// A raw total on the reporting scale, exactly (WHO-5: 13 x 4 = 52).
    public func reported(_ rawTotal: Score) -> Score { rawTotal * reportingFactor }

    /// True when a reporting-scale score is a case: at or beyond the cutoff, exactly.
    public func isCase(_ score: Score) -> Bool {
        guard let cutoff = casenessCutoff else { return false }
        return direction == .higherIsWorse ? score >= cutoff : score <= cutoff
    }

    /// Improvement from `baseline` to `final` in reporting-scale points, exactly: positive is
    /// better, whatever the direction of the scale.
    public func improvement(from baseline: Score, to final: Score) -> Score {
        direction == .higherIsWorse ? baseline - final : final - baseline
    }

    /// Response: `final` at or better than `responseFraction` x `baseline` (PHQ-9: final <= 50%
    /// of baseline), compared exactly; false without a response rule.
    public func isResponse(baseline: Score, final: Score) -> Bool {
        guard let fraction = responseFraction else { return false }
        let order = final.order(toProductOf: fraction, baseline)
        return direction == .higherIsWorse ? order <= 0 : order >= 0
    }

    /// Remission: `final` strictly below `remissionBelow`; false without a remission rule.
    public func isRemission(_ final: Score) -> Bool { remissionBelow.map { final < $0 } ?? false }

    /// The band containing a reporting-scale score, if the instrument has bands.
    public func band(for score: Score) -> SeverityBand? { bands.first { $0.contains(score) } }
}
