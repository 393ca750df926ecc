import OutcomesCore

extension CanonicalTable {
    /// The columns holding dates.
    var dateColumns: Set<String> {
        switch self {
        case .episodes: return ["admission_date", "discharge_date"]
        case .sessions: return ["session_date"]
        case .assessments: return ["assessed_on"]
        case .goals: return ["rated_on"]
        case .events: return ["event_date"]
        }
    }

    /// True when `name` is a canonical column of this table, counting `item_<n>` (n >= 1), and
    /// `item` and `answer` of long (one row per item answer) files, for assessments, and
    /// `patient_id` for the tables whose rows may be keyed by patient.
    func isCanonicalColumn(_ name: String) -> Bool {
        if columns.contains(name) { return true }
        if name == "patient_id" { return isPatientKeyable }
        return self == .assessments && (Self.itemNumber(name) != nil || Self.longColumns.contains(name))
    }

    /// The columns of a long assessment file: the item (its number or LOINC code) and the answer.
    static let longColumns: Set<String> = ["item", "answer"]

    /// True for sessions, assessments and goals: their rows may name the patient and a date
    /// instead of the episode (SPEC section 2, real export shapes).
    var isPatientKeyable: Bool { self == .sessions || self == .assessments || self == .goals }

    /// The date that assigns a patient-keyed row to an episode.
    var assignmentDateColumn: String? {
        switch self {
        case .sessions: return "session_date"
        case .assessments: return "assessed_on"
        case .goals: return "rated_on"
        default: return nil
        }
    }

    /// The item number of an assessment item column `item_<n>`, n >= 1.
    static func itemNumber(_ name: String) -> Int? {
        guard name.hasPrefix("item_"), let number = Int(name.dropFirst(5)), number >= 1, number <= 1000 else { return nil }
        return number
    }

    /// Accepted codes of the columns holding a controlled vocabulary (instrument codes come
    /// from the registry instead).
    func acceptedCodes(column: String) -> [String]? {
        switch (self, column) {
        case (.episodes, "level_of_care"): return LevelOfCare.allCases.map(\.rawValue)
        case (.episodes, "discharge_reason"): return DischargeReason.allCases.map(\.rawValue)
        case (.sessions, "session_type"): return SessionType.allCases.map(\.rawValue)
        case (.sessions, "modality"): return Modality.allCases.map(\.rawValue)
        case (.sessions, "status"): return SessionStatus.allCases.map(\.rawValue)
        case (.assessments, "timepoint"): return Timepoint.allCases.map(\.rawValue)
        case (.events, "event_type"): return EventType.allCases.map(\.rawValue)
        default: return nil
        }
    }
}
