import OutcomesCore

/// The position of a session or assessment code in its type's `allCases` (nil after the last
/// case), by a switch: the compact columns store these positions and the tallies index arrays
/// with them millions of times, where a dictionary would hash the code's raw `String` each time.
enum CaseSlot {
    /// Position in `SessionType.allCases`.
    static func of(_ type: SessionType) -> Int {
        switch type {
        case .group: return 0
        case .individual: return 1
        case .family: return 2
        case .psychiatry: return 3
        case .psychoeducation: return 4
        case .other: return 5
        }
    }

    /// Position in `Modality.allCases`; nil (not recorded) comes after the last case.
    static func of(_ modality: Modality?) -> Int {
        switch modality {
        case .inPerson: return 0
        case .telehealth: return 1
        case nil: return 2
        }
    }

    /// Position in `SessionStatus.allCases`.
    static func of(_ status: SessionStatus) -> Int {
        switch status {
        case .attended: return 0
        case .late: return 1
        case .leftEarly: return 2
        case .noShow: return 3
        case .cancelledPatient: return 4
        case .cancelledProgram: return 5
        case .excused: return 6
        }
    }

    /// Position in `Timepoint.allCases`; nil (not recorded) comes after the last case.
    static func of(_ timepoint: Timepoint?) -> Int {
        switch timepoint {
        case .intake: return 0
        case .weekly: return 1
        case .discharge: return 2
        case .followup30: return 3
        case .followup90: return 4
        case .other: return 5
        case nil: return 6
        }
    }
}
