/// A group of metrics computed together; lets a trend compute only what its metrics need.
public enum MetricFamily: CaseIterable, Hashable, Sendable {
    case census, attendance, episodeWeeks, firstSession, disengagement, dischargeOutcomes, retention
    case fidelity, outcomes, goals, symptomRelapse, stepUp, postDischarge, returnToUse, postDischargeDeterioration

    /// The family that computes a metric identifier (from its definition); nil for an identifier no family writes.
    public static func of(_ id: String) -> MetricFamily? { MetricRegistry.resolve(id)?.definition.family }

    /// Whether the family's indicators read sessions: attendance and dose, the first session,
    /// disengagement, and fidelity's active episode-weeks (`EpisodeWeeks`). The others read
    /// episodes, scores, goals or events only.
    public var readsSessions: Bool {
        switch self {
        case .attendance, .episodeWeeks, .firstSession, .disengagement, .fidelity: true
        default: false
        }
    }

    /// Whether the family's indicators read clinical events: step-up, post-discharge acute care
    /// and return to use. (An analysis of P in full reads them for its watch list's safety events
    /// too, with those families.)
    public var readsEvents: Bool {
        switch self {
        case .stepUp, .postDischarge, .returnToUse: true
        default: false
        }
    }

    /// The families behind a list of identifiers; every family when one is unknown.
    public static func needed(for ids: [String]) -> Set<MetricFamily> {
        var families = Set<MetricFamily>()
        for id in ids {
            guard let family = of(id) else { return Set(allCases) }
            families.insert(family)
        }
        return families
    }
}
