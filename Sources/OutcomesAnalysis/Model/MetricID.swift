import OutcomesCore

/// Metric identifiers (SPEC section 9). Identifiers marked "extension" name metrics that SPEC
/// section 5 defines but section 9 does not list; they follow the same pattern.
public enum MetricID {
    public static let admissions = "census.admissions"
    public static let discharges = "census.discharges"
    public static let activeEnd = "census.active_end"
    /// Extension.
    public static let patientDays = "census.patient_days"
    public static let losMedian = "census.los_median_days"

    public static let attendanceRate = "engagement.attendance_rate"
    public static let noShowRate = "engagement.no_show_rate"
    public static let patientCancelRate = "engagement.patient_cancel_rate"
    /// Extension: mean attended hours per complete episode-week.
    public static let serviceHoursMean = "engagement.service_hours_per_week_mean"
    public static let doseAdequacyRate = "engagement.dose_adequacy_rate"
    /// Extension: episode-weeks in P cut short by discharge, left out of the dose figures.
    public static let partialWeeksExcluded = "engagement.partial_weeks_excluded"
    public static let daysToFirstSessionMedian = "engagement.days_to_first_session_median"
    /// Admissions in P without an attended session by its end: the exclusions of the median above.
    public static let firstSessionPending = "engagement.first_session_pending"
    /// Extension: mean attended sessions in P per episode with a scheduled session in P.
    public static let sessionsAttendedMean = "engagement.sessions_attended_per_episode_mean"
    /// Extension: active episodes at the end of P flagged as disengaged.
    public static let disengagedRate = "engagement.disengaged_rate"
    public static let completionRate = "engagement.completion_rate"
    public static let dropoutRate = "engagement.dropout_rate"
    public static let earlyDropoutRate = "engagement.early_dropout_rate"
    public static let retentionMedian = "engagement.retention_median_days"

    public static let baselineRate = "fidelity.baseline_rate"
    public static let twoScoresRate = "fidelity.two_scores_rate"
    public static let dischargeScoreRate = "fidelity.discharge_score_rate"
    /// Extension: share of complete episode-weeks in P with at least one score.
    public static let weeklyMeasurementRate = "fidelity.weekly_measurement_rate"

    public static let goalsTScoreMean = "goals.t_score_mean"
    public static let goalsT50Rate = "goals.t50_rate"
    /// Audit figure: the inter-goal correlation rho of the T formula.
    public static let goalsRho = "goals.rho"
    /// Extension: share of rated goals at level 0 or above.
    public static let goalsAtOrAboveExpectedRate = "goals.at_or_above_expected_rate"

    public static let stepUpRate = "relapse.step_up_rate"
    public static let acuteCare30Rate = "relapse.acute_care_30_rate"
    public static let acuteCare90Rate = "relapse.acute_care_90_rate"
    public static let readmission30Rate = "relapse.readmission_30_rate"
    /// Extension.
    public static let readmission90Rate = "relapse.readmission_90_rate"
    public static let returnToUseRate = "relapse.return_to_use_rate"

    /// `outcomes.<INSTRUMENT>.<name>`, for example `outcomes.PHQ-9.recovery_rate`;
    /// `outcomes.combined.<name>` for the paired PHQ-9/GAD-7 outcome.
    /// `census.discharge_reason.<code>`: the share of discharges in P with that reason.
    public static func dischargeReason(_ reason: DischargeReason) -> String { "census.discharge_reason.\(reason.rawValue)" }

    public static func outcome(_ instrument: String, _ name: String) -> String { "outcomes.\(instrument).\(name)" }

    /// `relapse.<INSTRUMENT>.<name>`, for example `relapse.GAD-7.symptom_relapse_rate`.
    public static func relapse(_ instrument: String, _ name: String) -> String { "relapse.\(instrument).\(name)" }

    /// The instrument slot of the combined PHQ-9/GAD-7 outcome.
    public static let combined = "combined"
}
