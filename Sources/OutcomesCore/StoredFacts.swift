/// A session as the analysis store keeps it: its episode, staff member and codes as numbers,
/// so that reading millions of them makes no String.
public struct SessionFacts: Sendable, Hashable {
    /// The episode's surrogate key in the store (`episode.episode_no`).
    public var episodeNumber: Int64
    public var date: Day
    public var type: SessionType
    public var modality: Modality?
    public var status: SessionStatus
    public var scheduledMinutes: Int
    public var attendedMinutes: Int?
    /// The staff member's number in the store's staff dictionary; nil when not recorded.
    public var staffNumber: Int64?

    /// A session's facts from its parts.
    public init(episodeNumber: Int64, date: Day, type: SessionType, modality: Modality?, status: SessionStatus,
                scheduledMinutes: Int, attendedMinutes: Int?, staffNumber: Int64?) {
        self.episodeNumber = episodeNumber
        self.date = date
        self.type = type
        self.modality = modality
        self.status = status
        self.scheduledMinutes = scheduledMinutes
        self.attendedMinutes = attendedMinutes
        self.staffNumber = staffNumber
    }
}

/// An assessment's total as the analysis store keeps it: episode and instrument as numbers,
/// no item responses.
public struct AssessmentFacts: Sendable, Hashable {
    /// The episode's surrogate key in the store (`episode.episode_no`).
    public var episodeNumber: Int64
    public var assessedOn: Day
    /// The instrument's number in the store's instrument dictionary.
    public var instrumentNumber: Int64
    public var score: Score
    public var timepoint: Timepoint?

    /// An assessment's facts from its parts.
    public init(episodeNumber: Int64, assessedOn: Day, instrumentNumber: Int64, score: Score, timepoint: Timepoint?) {
        self.episodeNumber = episodeNumber
        self.assessedOn = assessedOn
        self.instrumentNumber = instrumentNumber
        self.score = score
        self.timepoint = timepoint
    }
}

/// A goal as the analysis store keeps it: its episode as a number (no join to the episode's
/// text identifier).
public struct GoalFacts: Sendable, Hashable {
    /// The episode's surrogate key in the store (`episode.episode_no`).
    public var episodeNumber: Int64
    public var goalID: String
    public var domain: String?
    public var weight: Double
    public var baselineLevel: Int
    public var attainedLevel: Int?
    public var ratedOn: Day?

    /// A goal's facts from its parts.
    public init(episodeNumber: Int64, goalID: String, domain: String?, weight: Double, baselineLevel: Int,
                attainedLevel: Int?, ratedOn: Day?) {
        self.episodeNumber = episodeNumber
        self.goalID = goalID
        self.domain = domain
        self.weight = weight
        self.baselineLevel = baselineLevel
        self.attainedLevel = attainedLevel
        self.ratedOn = ratedOn
    }

    /// The goal, belonging to the episode identified by `episodeID`.
    public func goal(episodeID: String) -> Goal {
        Goal(episodeID: episodeID, goalID: goalID, domain: domain, weight: weight, baselineLevel: baselineLevel,
             attainedLevel: attainedLevel, ratedOn: ratedOn)
    }
}
