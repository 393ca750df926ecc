import OutcomesCore

/// Everything generated for one episode, written out before the next one is made
/// (grain: episode, with its sessions, assessments, goals and the patient's events).
struct GeneratedEpisode {
    /// The episode; `patientKey` holds the source MRN (pseudonymising is the ingest's job).
    var episode: Episode
    var sessions: [Session]
    var assessments: [Assessment]
    var goals: [GoalRow]
    var events: [ClinicalEvent]
}

/// A goal as the source writes it: the weight may be left blank.
struct GoalRow {
    var goal: Goal
    /// nil when the treatment plan left the weight blank.
    var writtenWeight: Int?
}

/// The clinical course planned for an episode before its rows are made.
struct EpisodeCourse {
    var track: Track
    var patient: Patient
    var admission: Day
    var plannedWeeks: Int
    /// Reason the episode ended (or will end, when `discharge` is nil because it is after the end date).
    var reason: DischargeReason
    /// Discharge date; nil when the episode is still active at the end date.
    var discharge: Day?
    /// Last day rows may be dated in the episode: the discharge date or the end date.
    var lastDay: Day
    /// The patient's base probability of attending a scheduled session.
    var attendance: Double
    /// Days before discharge over which missed sessions cluster (dropouts).
    var disengagementDays: Int
    /// Share of sessions delivered by telehealth for this patient.
    var telehealthShare: Double
    /// Planned symptom change on PHQ-9 over a full course (negative = improvement).
    var plannedChange: Double

    var isDropout: Bool { reason.isDropout }
}

extension Day {
    /// Monday = 0 ... Sunday = 6 (1970-01-01 was a Thursday).
    var weekday: Int { ((ordinal % 7) + 7 + 3) % 7 }
    /// True from Monday to Friday.
    var isWeekday: Bool { weekday < 5 }
}
