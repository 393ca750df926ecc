/// A group of metrics computed together; lets a trend compute only what its metrics need.
public enum MetricFamily: CaseIterable, Hashable, Sendable {
    case census, attendance, episodeWeeks, firstSession, disengagement, dischargeOutcomes, retention
    case fidelity, outcomes, goals, symptomRelapse, stepUp, postDischarge, returnToUse, postDischargeDeterioration

    /// The family that computes a metric identifier; nil for an identifier no family writes.
    public static func of(_ id: String) -> MetricFamily? {
        if id.hasPrefix("census.") { return .census }
        if id.hasPrefix("fidelity.") { return .fidelity }
        if id.hasPrefix("outcomes.") { return .outcomes }
        if id.hasPrefix("goals.") { return .goals }
        if id.hasSuffix(".symptom_relapse_rate") { return .symptomRelapse }
        if id.hasSuffix(".post_discharge_deterioration_rate") { return .postDischargeDeterioration }
        return engagementAndRelapse[id]
    }

    private static let engagementAndRelapse: [String: MetricFamily] = [
        MetricID.attendanceRate: .attendance, MetricID.noShowRate: .attendance,
        MetricID.patientCancelRate: .attendance, MetricID.sessionsAttendedMean: .attendance,
        MetricID.serviceHoursMean: .episodeWeeks, MetricID.doseAdequacyRate: .episodeWeeks,
        MetricID.partialWeeksExcluded: .episodeWeeks, MetricID.daysToFirstSessionMedian: .firstSession,
        MetricID.firstSessionPending: .firstSession,
        MetricID.disengagedRate: .disengagement, MetricID.completionRate: .dischargeOutcomes,
        MetricID.dropoutRate: .dischargeOutcomes, MetricID.earlyDropoutRate: .dischargeOutcomes,
        MetricID.retentionMedian: .retention, MetricID.stepUpRate: .stepUp,
        MetricID.acuteCare30Rate: .postDischarge, MetricID.acuteCare90Rate: .postDischarge,
        MetricID.readmission30Rate: .postDischarge, MetricID.readmission90Rate: .postDischarge,
        MetricID.returnToUseRate: .returnToUse,
    ]

    /// The families behind a list of identifiers; every family when one is unknown.
    public static func needed(for ids: [String]) -> Set<MetricFamily> {
        var families = Set<MetricFamily>()
        for id in ids {
            guard let family = of(id) else { return Set(allCases) }
            families.insert(family)
        }
        return families
    }
}
