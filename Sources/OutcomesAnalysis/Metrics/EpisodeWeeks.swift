import OutcomesCore

/// Service hours and measurement per episode-week: 7-day blocks counted from admission; a week
/// belongs to P when its last day is in P; only complete weeks before discharge count.
public struct EpisodeWeeks: Sendable {
    /// Complete episode-weeks in P.
    public var completeWeeks = 0
    /// Attended hours of the complete episode-weeks in P, summed in cohort and week order (no
    /// list of them: a 12-month cohort of 200,000 episodes has about a million).
    public var totalHours = 0.0
    /// Complete weeks meeting the episode's program minimum (adolescent minimum under 18).
    public var adequateWeeks = 0
    /// Weeks in P cut short by discharge (the discharge falls before the week's last day): excluded.
    public var partialWeeksExcluded = 0
    /// Complete weeks with at least one assessment dated in the week.
    public var weeksWithScore = 0
    /// The weeks of each cohort episode with a week ending in P, in cohort order; empty unless
    /// the options keep episode facts.
    public var episodes: [EpisodeWeekFacts] = []

    /// Walks every cohort episode's weeks whose last day falls in P.
    public init(_ context: CohortContext) {
        let period = context.period
        let episodes = context.dataset.episodes
        let sessions = context.dataset.sessionColumns
        let assessments = context.dataset.assessmentColumns
        let keeps = context.options.keepsEpisodeFacts
        // Each member's minutes and scored flags by week, in two buffers kept for every member.
        var minutes: [Int] = []
        var scored: [Bool] = []
        for position in context.members {
            let admission = episodes.admissionDate(at: position)
            let dischargeDate = episodes.dischargeDate(at: position)
            // Week k spans admission + 7k ... admission + 7k + 6.
            let firstWeek = max(0, EpisodeWeeks.ceilDiv(admission.days(to: period.from) - 6, 7))
            var lastWeek = EpisodeWeeks.floorDiv(admission.days(to: period.to) - 6, 7)
            if let discharge = dischargeDate {
                lastWeek = min(lastWeek, EpisodeWeeks.floorDiv(admission.days(to: discharge), 7))
            }
            guard lastWeek >= firstWeek else { continue }
            minutes.removeAll(keepingCapacity: true)
            minutes.append(contentsOf: repeatElement(0, count: lastWeek - firstWeek + 1))
            scored.removeAll(keepingCapacity: true)
            scored.append(contentsOf: repeatElement(false, count: minutes.count))
            let weeks = Period(from: admission.adding(days: 7 * firstWeek),
                               to: admission.adding(days: 7 * lastWeek + 6))
            for row in context.dataset.sessionRows(ofEpisodeAt: position, datedIn: weeks) {
                minutes[EpisodeWeeks.floorDiv(admission.days(to: sessions.date(row)), 7) - firstWeek] +=
                    sessions.serviceMinutes(row)
            }
            for row in context.dataset.assessmentRows(ofEpisodeAt: position) {
                let week = EpisodeWeeks.floorDiv(admission.days(to: assessments.date(Int(row))), 7)
                if week >= firstWeek, week <= lastWeek { scored[week - firstWeek] = true }
            }
            let minimumHours = context.options.doseMinimumHours(forEpisodeAt: position, of: episodes)
            // An episode's facts are made only when kept: a 12-month trend of 200,000 episodes
            // made about 400,000, each with an array of its weeks' hours.
            var facts = keeps ? EpisodeWeekFacts(episodeID: episodes.episodeID(at: position), minimumHours: minimumHours)
                : nil
            for week in firstWeek...lastWeek {
                let lastDay = admission.adding(days: 7 * week + 6)
                if let discharge = dischargeDate, discharge < lastDay {
                    facts?.partialWeeks += 1
                    partialWeeksExcluded += 1
                    continue
                }
                let weekHours = Double(minutes[week - firstWeek]) / 60
                facts?.hours.append(weekHours)
                completeWeeks += 1
                totalHours += weekHours
                if weekHours >= minimumHours {
                    facts?.adequateWeeks += 1
                    adequateWeeks += 1
                }
                if scored[week - firstWeek] {
                    facts?.weeksWithScore += 1
                    weeksWithScore += 1
                }
            }
            if let facts { self.episodes.append(facts) }
        }
    }

    /// Writes mean service hours per week, dose adequacy and weekly measurement.
    public func write(to metrics: inout MetricSet) {
        let mean = completeWeeks == 0 ? nil : totalHours / Double(completeWeeks)
        metrics.set(MetricID.serviceHoursMean, .statistic(value: mean, n: completeWeeks))
        metrics.set(MetricID.doseAdequacyRate, .rate(adequateWeeks, completeWeeks))
        metrics.set(MetricID.partialWeeksExcluded, .count(partialWeeksExcluded))
    }

    static func floorDiv(_ a: Int, _ b: Int) -> Int { a >= 0 ? a / b : -((-a + b - 1) / b) }
    static func ceilDiv(_ a: Int, _ b: Int) -> Int { -floorDiv(-a, b) }
}

/// One episode's episode-weeks ending in P.
public struct EpisodeWeekFacts: Hashable, Sendable {
    public var episodeID: String
    /// The dose minimum that applies to the episode (adolescent minimum under 18).
    public var minimumHours: Double
    /// Attended hours of each complete week, in week order.
    public var hours: [Double] = []
    public var adequateWeeks = 0
    /// Weeks cut short by discharge: excluded.
    public var partialWeeks = 0
    public var weeksWithScore = 0
}
