/// One unit on a funnel plot (a track, site or clinician): `numerator` of `denominator`.
public struct FunnelGroup: Sendable, Equatable {
    public let name: String
    public let numerator: Int
    public let denominator: Int

    public init(name: String, numerator: Int, denominator: Int) {
        self.name = name
        self.numerator = numerator
        self.denominator = denominator
    }

    /// The group's proportion, or nil when denominator <= 0 or the numerator is outside 0...denominator.
    public var proportion: Double? {
        guard denominator > 0, (0...denominator).contains(numerator) else { return nil }
        return Double(numerator) / Double(denominator)
    }
}

/// The funnel limits at one denominator.
public struct FunnelBand: Sendable, Equatable {
    public let n: Double
    public let lower998: Double
    public let lower95: Double
    public let upper95: Double
    public let upper998: Double
}

/// Where a group lies against its funnel limits (strictly outside counts as outside).
public enum FunnelPosition: String, Sendable {
    case inside
    case above95
    case above998
    case below95
    case below998
    case noData
}

/// A group with its limits and position; `band` is nil when the group has no data.
public struct FunnelGroupResult: Sendable, Equatable {
    public let group: FunnelGroup
    public let band: FunnelBand?
    public let position: FunnelPosition
}
