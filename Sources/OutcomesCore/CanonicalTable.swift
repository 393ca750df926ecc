/// The five canonical input tables, in the order they must be loaded (episodes first:
/// sessions, assessments and goals refer to episodes).
public enum CanonicalTable: String, CaseIterable, Sendable, Codable, Comparable {
    case episodes, sessions, assessments, goals, events

    /// Load order: the position in `allCases`.
    public static func < (lhs: CanonicalTable, rhs: CanonicalTable) -> Bool { lhs.loadOrder < rhs.loadOrder }

    private var loadOrder: Int { Self.allCases.firstIndex(of: self) ?? 0 }

    /// Canonical column names in SPEC order. Assessment item columns (`item_1` ... `item_n`)
    /// are not listed: their count depends on the instrument.
    public var columns: [String] {
        switch self {
        case .episodes:
            return ["patient_id", "episode_id", "program", "site", "level_of_care", "admission_date",
                    "discharge_date", "discharge_reason", "age_at_admission", "sex", "race", "ethnicity",
                    "payer", "referral_source", "primary_dx", "planned_weeks"]
        case .sessions:
            return ["session_id", "episode_id", "session_date", "session_type", "modality", "status",
                    "scheduled_minutes", "attended_minutes", "staff_id"]
        case .assessments:
            return ["episode_id", "assessed_on", "instrument", "total", "timepoint"]
        case .goals:
            return ["episode_id", "goal_id", "domain", "weight", "baseline_level", "attained_level", "rated_on"]
        case .events:
            return ["patient_id", "event_date", "event_type", "source"]
        }
    }

    /// Columns that must be present and non-blank on every row.
    public var requiredColumns: [String] {
        switch self {
        case .episodes: return ["patient_id", "episode_id", "program", "admission_date"]
        case .sessions: return ["episode_id", "session_date", "session_type", "status", "scheduled_minutes"]
        case .assessments: return ["episode_id", "assessed_on", "instrument"]
        case .goals: return ["episode_id", "goal_id"]
        case .events: return ["patient_id", "event_date", "event_type"]
        }
    }
}
