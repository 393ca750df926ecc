/// One treatment episode: one admission of one patient to one program (grain: episode).
public struct Episode: Hashable, Sendable {
    /// Pseudonymous patient key (HMAC-SHA256 of the source identifier, hex).
    public var patientKey: String
    public var episodeID: String
    /// The program (track), for example `adult-mh`, `sud`.
    public var program: String
    public var site: String?
    public var levelOfCare: LevelOfCare
    public var admissionDate: Day
    /// nil while the episode is active.
    public var dischargeDate: Day?
    public var dischargeReason: DischargeReason?
    public var ageAtAdmission: Int?
    public var sex: String?
    public var race: String?
    public var ethnicity: String?
    public var payer: String?
    public var referralSource: String?
    public var primaryDx: String?
    public var plannedWeeks: Int?

    public init(
        patientKey: String, episodeID: String, program: String, site: String? = nil,
        levelOfCare: LevelOfCare = .iop, admissionDate: Day, dischargeDate: Day? = nil,
        dischargeReason: DischargeReason? = nil, ageAtAdmission: Int? = nil, sex: String? = nil,
        race: String? = nil, ethnicity: String? = nil, payer: String? = nil,
        referralSource: String? = nil, primaryDx: String? = nil, plannedWeeks: Int? = nil
    ) {
        self.patientKey = patientKey
        self.episodeID = episodeID
        self.program = program
        self.site = site
        self.levelOfCare = levelOfCare
        self.admissionDate = admissionDate
        self.dischargeDate = dischargeDate
        self.dischargeReason = dischargeReason
        self.ageAtAdmission = ageAtAdmission
        self.sex = sex
        self.race = race
        self.ethnicity = ethnicity
        self.payer = payer
        self.referralSource = referralSource
        self.primaryDx = primaryDx
        self.plannedWeeks = plannedWeeks
    }
}

/// One scheduled session of an episode (grain: session).
public struct Session: Hashable, Sendable {
    /// The source system's session identifier, when the export has one (it is then the natural key).
    public var sessionID: String?
    public var episodeID: String
    public var date: Day
    public var type: SessionType
    public var modality: Modality?
    public var status: SessionStatus
    public var scheduledMinutes: Int
    public var attendedMinutes: Int?
    public var staffID: String?

    public init(
        sessionID: String? = nil, episodeID: String, date: Day, type: SessionType,
        modality: Modality? = nil, status: SessionStatus, scheduledMinutes: Int,
        attendedMinutes: Int? = nil, staffID: String? = nil
    ) {
        self.sessionID = sessionID
        self.episodeID = episodeID
        self.date = date
        self.type = type
        self.modality = modality
        self.status = status
        self.scheduledMinutes = scheduledMinutes
        self.attendedMinutes = attendedMinutes
        self.staffID = staffID
    }

    /// Service minutes this session contributes: attended sessions only, attended minutes
    /// when recorded, else scheduled minutes.
    public var serviceMinutes: Int {
        status.isAttended ? (attendedMinutes ?? scheduledMinutes) : 0
    }
}

/// How an assessment's score was obtained (recorded per score, SPEC section 4).
public enum ScoringMethod: String, Sendable, Codable, Hashable {
    /// Sum of all items.
    case complete
    /// Mean of answered items x item count, rounded half up.
    case prorated
    /// Only a total was supplied.
    case totalOnly = "total_only"
}

/// One administration of a symptom scale (grain: episode x instrument x date).
public struct Assessment: Hashable, Sendable {
    public var episodeID: String
    public var assessedOn: Day
    /// Registry code, for example `PHQ-9`.
    public var instrument: String
    /// Raw item responses in item order, exact; nil = not answered. Empty when only a total was given.
    public var items: [Score?]
    /// The scored total on the instrument's total range, exact, with the instrument's decimals.
    public var score: Score
    public var scoring: ScoringMethod
    public var timepoint: Timepoint?

    public init(
        episodeID: String, assessedOn: Day, instrument: String, items: [Score?] = [],
        score: Score, scoring: ScoringMethod = .totalOnly, timepoint: Timepoint? = nil
    ) {
        self.episodeID = episodeID
        self.assessedOn = assessedOn
        self.instrument = instrument
        self.items = items
        self.score = score
        self.scoring = scoring
        self.timepoint = timepoint
    }
}

/// One treatment-plan goal scaled for Goal Attainment Scaling (grain: episode x goal).
public struct Goal: Hashable, Sendable {
    public var episodeID: String
    public var goalID: String
    public var domain: String?
    /// Positive weight; 1 when the source leaves it blank.
    public var weight: Double
    /// -1 (default) or -2.
    public var baselineLevel: Int
    /// -2 ... +2; nil while not yet rated.
    public var attainedLevel: Int?
    public var ratedOn: Day?

    public init(
        episodeID: String, goalID: String, domain: String? = nil, weight: Double = 1,
        baselineLevel: Int = -1, attainedLevel: Int? = nil, ratedOn: Day? = nil
    ) {
        self.episodeID = episodeID
        self.goalID = goalID
        self.domain = domain
        self.weight = weight
        self.baselineLevel = baselineLevel
        self.attainedLevel = attainedLevel
        self.ratedOn = ratedOn
    }
}

/// A clinical event of a patient (grain: patient x date x event type).
public struct ClinicalEvent: Hashable, Sendable {
    /// Pseudonymous patient key.
    public var patientKey: String
    public var date: Day
    public var type: EventType
    public var source: String?

    public init(patientKey: String, date: Day, type: EventType, source: String? = nil) {
        self.patientKey = patientKey
        self.date = date
        self.type = type
        self.source = source
    }
}
