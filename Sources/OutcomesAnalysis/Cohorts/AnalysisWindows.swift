import OutcomesCore

/// The periods an analysis of P looks at besides P itself.
public struct AnalysisWindows: Hashable, Sendable {
    public var period: Period
    /// Admissions followed for retention: the 12 months ending with P.
    public var retention: Period
    /// Discharges whose 30-day post-discharge window has fully elapsed (newest such cohort shaped like P).
    public var postDischarge30: Period
    /// Discharges whose 90-day window has fully elapsed.
    public var postDischarge90: Period
    /// Discharges whose follow-up scores (up to 105 days after discharge) are all in.
    public var followUp: Period

    /// Last day after discharge a follow-up score can fall on (the 75-105 day window).
    public static let followUpDays = 105

    public init(period: Period) {
        self.period = period
        retention = Period(from: period.to.adding(days: 1).adding(months: -12), to: period.to)
        postDischarge30 = AnalysisWindows.newestElapsedCohort(period: period, windowDays: 30)
        postDischarge90 = AnalysisWindows.newestElapsedCohort(period: period, windowDays: 90)
        followUp = AnalysisWindows.newestElapsedCohort(period: period, windowDays: AnalysisWindows.followUpDays)
    }

    /// The newest period shaped like P (P shifted back by whole months) whose every discharge's
    /// window of `windowDays` days after discharge ends on or before the end of P. For October,
    /// 30 days gives September and 90 days gives July. A P of whole calendar months keeps whole
    /// months (Q4 gives September-November for 30 days and Q3 for 90); any other range moves
    /// day for day.
    public static func newestElapsedCohort(period: Period, windowDays: Int) -> Period {
        var months = 1
        while true {
            let candidate = period.shifted(months: -months)
            if candidate.to.adding(days: windowDays) <= period.to { return candidate }
            months += 1
        }
    }

    /// The earliest day the indicators of `families` look at: P's first day, or the first of
    /// the retention, post-discharge and follow-up windows of the families that read them.
    func earliestDay(for families: Set<MetricFamily>) -> Day {
        var day = earliestScoredDischarge(for: families)
        if families.contains(.retention) { day = min(day, retention.from) }
        if families.contains(.postDischarge) { day = min(day, postDischarge30.from, postDischarge90.from) }
        return day
    }

    /// The discharges whose episodes are all that the indicators of `families` look at, when they
    /// are: post-discharge deterioration alone (a 12-month report reads P's follow-up cohort apart)
    /// reads the follow-up cohort, `followUp`'s discharges, and no episode admitted or open after
    /// it. Nil for any other families: they look at the episodes open in a window ending with P.
    func dischargeCohort(for families: Set<MetricFamily>) -> Period? {
        families == [.postDischargeDeterioration] ? followUp : nil
    }

    /// The earliest discharge the indicators of `families` reading scores or goals look at: every
    /// window but retention's and the post-discharge indicators', which read episodes' dates and
    /// reasons and patients' events only. Every other family reads P: episodes admitted,
    /// discharged or open in it, and episode-weeks ending in it, which counts a week cut short by
    /// a discharge up to six days before P as one of P's excluded partial weeks. (With the 30-
    /// and 90-day cohorts, the monthly report read the scores and goals of three more months of
    /// discharges for each trend month's readmission figure.)
    func earliestScoredDischarge(for families: Set<MetricFamily>) -> Day {
        var day = families.contains(.episodeWeeks) ? period.from.adding(days: -6) : period.from
        if families.contains(.postDischargeDeterioration) { day = min(day, followUp.from) }
        return day
    }
}
