import OutcomesCore

/// Human words for codes.
enum Words {
    static func dischargeReason(_ reason: DischargeReason) -> String {
        switch reason {
        case .completed: return "Completed"
        case .stepUp: return "Stepped up"
        case .stepDown: return "Stepped down"
        case .ama: return "Left against advice"
        case .lostToContact: return "Lost to contact"
        case .administrative: return "Administrative"
        case .transferred: return "Transferred"
        case .other: return "Other"
        }
    }

    static func sessionType(_ type: SessionType) -> String {
        switch type {
        case .group: return "Group"
        case .individual: return "Individual"
        case .family: return "Family"
        case .psychiatry: return "Psychiatry"
        case .psychoeducation: return "Psycho-education"
        case .other: return "Other"
        }
    }

    /// "adult-mh" stays as the program writes it; blanks read "unknown".
    static func cohort(_ value: String) -> String { value.isEmpty ? "unknown" : value }
}
