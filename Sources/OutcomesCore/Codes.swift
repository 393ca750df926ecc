/// Controlled vocabularies of the canonical inputs (SPEC section 2). Raw values are the
/// exact codes accepted in CSV files; codes are case-sensitive.

/// Level of care of an episode.
public enum LevelOfCare: String, CaseIterable, Sendable, Codable {
    case iop = "IOP"
    case php = "PHP"
}

/// Why an episode ended.
public enum DischargeReason: String, CaseIterable, Sendable, Codable {
    case completed
    case stepUp = "step_up"
    case stepDown = "step_down"
    case ama
    case lostToContact = "lost_to_contact"
    case administrative
    case transferred
    case other

    /// Dropout reasons: left against advice or lost to contact.
    public var isDropout: Bool { self == .ama || self == .lostToContact }
}

/// The kind of a scheduled session.
public enum SessionType: String, CaseIterable, Sendable, Codable {
    case group, individual, family, psychiatry, psychoeducation, other
}

/// How a session was delivered.
public enum Modality: String, CaseIterable, Sendable, Codable {
    case inPerson = "in_person"
    case telehealth
}

/// What happened to a scheduled session.
public enum SessionStatus: String, CaseIterable, Sendable, Codable {
    case attended, late
    case leftEarly = "left_early"
    case noShow = "no_show"
    case cancelledPatient = "cancelled_patient"
    case cancelledProgram = "cancelled_program"
    case excused

    /// Counts in the scheduled denominator: every status except a programme cancellation.
    public var isScheduled: Bool { self != .cancelledProgram }
    /// Counts as attended: `attended`, `late` and `left_early`.
    public var isAttended: Bool { self == .attended || self == .late || self == .leftEarly }
    /// Counts as missed for disengagement: `no_show` and `cancelled_patient`.
    public var isMissed: Bool { self == .noShow || self == .cancelledPatient }
}

/// When in the episode an assessment was taken.
public enum Timepoint: String, CaseIterable, Sendable, Codable {
    case intake, weekly, discharge
    case followup30 = "followup_30"
    case followup90 = "followup_90"
    case other
}

/// A clinical event used by the relapse indicators.
public enum EventType: String, CaseIterable, Sendable, Codable {
    case edVisit = "ed_visit"
    case psychInpatient = "psych_inpatient"
    case phpAdmission = "php_admission"
    case crisisContact = "crisis_contact"
    case substanceUse = "substance_use"
    case positiveTox = "positive_tox"
    case selfHarm = "self_harm"
    case suicideAttempt = "suicide_attempt"

    /// Post-discharge acute care: ED visit, psychiatric inpatient stay or crisis contact.
    public var isAcuteCare: Bool { self == .edVisit || self == .psychInpatient || self == .crisisContact }
    /// Step-up during the episode: PHP admission or psychiatric inpatient stay.
    public var isStepUp: Bool { self == .phpAdmission || self == .psychInpatient }
    /// Return to use: substance use or a positive toxicology screen.
    public var isUse: Bool { self == .substanceUse || self == .positiveTox }
    /// Safety events for the watch list.
    public var isSafety: Bool { self == .selfHarm || self == .suicideAttempt || self == .crisisContact }
}
