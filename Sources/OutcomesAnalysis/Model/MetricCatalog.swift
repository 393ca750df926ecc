import OutcomesCore

/// Human labels and one-line definitions of every metric identifier, for table headings and a
/// report's methods appendix. Instrument identifiers are described from their pattern.
public enum MetricCatalog {
    /// A short label and the definition, as a methods appendix states it.
    public struct Entry: Hashable, Sendable {
        public var label: String
        public var definition: String
    }

    /// The entry of an identifier; nil for an identifier no metric family writes.
    public static func entry(_ id: String) -> Entry? {
        if let fixed = fixed[id] { return Entry(label: fixed.0, definition: fixed.1) }
        if let reason = DischargeReason.allCases.first(where: { MetricID.dischargeReason($0) == id }) {
            return Entry(label: "Discharged: \(reason.rawValue.replacing("_", with: " "))",
                         definition: "Discharges in the period with reason \(reason.rawValue) / all discharges in the period.")
        }
        let parts = id.split(separator: ".", maxSplits: 1).map(String.init)
        guard parts.count == 2, let dot = parts[1].lastIndex(of: ".") else { return nil }
        let instrument = String(parts[1][..<dot])
        let name = String(parts[1][parts[1].index(after: dot)...])
        guard let template = (parts[0] == "outcomes" ? outcomes : parts[0] == "relapse" ? relapse : [:])[name] else { return nil }
        let subject = instrument == MetricID.combined ? "PHQ-9/GAD-7 combined" : instrument
        return Entry(label: "\(subject) \(template.0)", definition: template.1)
    }

    private static let fixed: [String: (String, String)] = [
        MetricID.admissions: ("Admissions", "Episodes admitted in the period."),
        MetricID.discharges: ("Discharges", "Episodes discharged in the period."),
        MetricID.activeEnd: ("Active at end", "Admitted on or before the last day and not discharged by then."),
        MetricID.patientDays: ("Patient-days", "Days in the period each episode was open, admission and discharge day both counted."),
        MetricID.losMedian: ("Median length of stay (days)", "Discharge date minus admission date, discharges in the period."),
        MetricID.attendanceRate: ("Attendance rate", "Attended, late or left early / scheduled (all but programme cancellations), sessions in the period."),
        MetricID.noShowRate: ("No-show rate", "No-shows / scheduled sessions in the period."),
        MetricID.patientCancelRate: ("Patient-cancel rate", "Patient cancellations / scheduled sessions in the period."),
        MetricID.sessionsAttendedMean: ("Sessions attended per episode", "Mean attended sessions in the period, episodes with a scheduled session."),
        MetricID.serviceHoursMean: ("Service hours per week", "Mean attended hours per complete episode-week (7-day blocks from admission) ending in the period."),
        MetricID.doseAdequacyRate: ("Dose adequacy", "Complete episode-weeks meeting the programme minimum (default 9 h, 6 h under 18)."),
        MetricID.partialWeeksExcluded: ("Partial weeks excluded", "Episode-weeks ending in the period but cut short by discharge."),
        MetricID.daysToFirstSessionMedian: ("Days to first session", "Median days from admission to the first attended session, admissions in the period."),
        MetricID.firstSessionPending: ("Awaiting a first session", "Admissions in the period without an attended session by its end (left out of the median days to first session)."),
        MetricID.disengagedRate: ("Disengaged", "Active episodes whose latest 3 or more scheduled sessions were all missed."),
        MetricID.completionRate: ("Completion rate", "Completed / discharges in the period."),
        MetricID.dropoutRate: ("Dropout rate", "Against advice or lost to contact / discharges in the period."),
        MetricID.earlyDropoutRate: ("Early dropout rate", "Dropouts with a stay of 14 days or less / discharges in the period."),
        MetricID.retentionMedian: ("Median retention (days)", "Kaplan-Meier median days to dropout, admissions of the 12 months ending with the period; 95% CI by log(-log) Greenwood."),
        MetricID.baselineRate: ("Baseline score", "Discharges with a score within 14 days either side of admission."),
        MetricID.twoScoresRate: ("Two or more scores", "Discharges with 2 or more scores on one instrument."),
        MetricID.dischargeScoreRate: ("Discharge score", "Discharges with a discharge-timepoint score or one within 7 days of discharge."),
        MetricID.weeklyMeasurementRate: ("Weekly measurement", "Complete episode-weeks in the period with at least one score."),
        MetricID.goalsTScoreMean: ("Mean GAS T", "Kiresuk-Sherman T (rho 0.3) of discharges with a rated goal."),
        MetricID.goalsT50Rate: ("GAS T >= 50", "Discharges with a rated goal whose T is 50 or more."),
        MetricID.goalsAtOrAboveExpectedRate: ("Goals at expected or better", "Rated goals at level 0 or above."),
        MetricID.stepUpRate: ("Step-up", "Discharged to a higher level of care, or a PHP or inpatient admission during the episode."),
        MetricID.acuteCare30Rate: ("Acute care within 30 days", "ED visit, inpatient stay or crisis contact on days 1-30 after discharge (newest fully elapsed cohort)."),
        MetricID.acuteCare90Rate: ("Acute care within 90 days", "ED visit, inpatient stay or crisis contact on days 1-90 after discharge (newest fully elapsed cohort)."),
        MetricID.readmission30Rate: ("Readmission within 30 days", "Another episode of the same patient admitted on days 1-30 after discharge."),
        MetricID.readmission90Rate: ("Readmission within 90 days", "Another episode of the same patient admitted on days 1-90 after discharge."),
        MetricID.returnToUseRate: ("Return to use", "Substance-use discharges with a use event after 14 or more use-free days in the episode."),
    ]

    private static let outcomes: [String: (String, String)] = [
        "pairs": ("outcome pairs", "Discharges with a baseline (admission +/- 14 days) and a final score (7+ days later, up to discharge + 7), of those with a score."),
        "no_pair": ("no outcome pair", "Discharges with a score but no valid baseline/final pair."),
        "mean_baseline": ("mean baseline", "Mean baseline score of the pairs."),
        "mean_final": ("mean final", "Mean final score of the pairs."),
        "mean_change": ("mean change", "Mean of final - baseline, with a Student-t 95% CI."),
        "effect_size": ("effect size", "Mean change / SD of change."),
        "reliable_improvement_rate": ("reliable improvement", "Pairs improving by at least the reliable-change threshold."),
        "reliable_deterioration_rate": ("reliable deterioration", "Pairs worsening by at least the reliable-change threshold."),
        "recovery_rate": ("recovery", "Cases at baseline that are not cases at final."),
        "reliable_recovery_rate": ("reliable recovery", "Cases at baseline that recovered and reliably improved."),
        "response_rate": ("response", "Cases at baseline whose final is at most 50% of baseline."),
        "remission_rate": ("remission", "Cases at baseline whose final is below the remission cutoff."),
    ]

    private static let relapse: [String: (String, String)] = [
        "symptom_relapse_rate": ("symptom relapse", "After response or remission, a later score again a case and reliably above the lowest so far."),
        "post_discharge_deterioration_rate": ("post-discharge deterioration", "A 30- or 90-day follow-up score reliably worse than the final score."),
    ]
}
