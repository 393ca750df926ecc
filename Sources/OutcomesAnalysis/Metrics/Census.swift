import OutcomesCore

/// Census of a cohort in P: flow in and out, occupancy, length of stay and why episodes ended.
public struct CensusResult: Sendable {
    public var admissions = 0
    public var discharges = 0
    public var activeAtEnd = 0
    /// Days in P each episode was open, admission and discharge day both counted.
    public var patientDays = 0
    /// Length of stay (discharge - admission, days) of the discharges in P, ascending.
    public var lengthsOfStay: [Int] = []
    /// Discharges in P by reason, every reason listed (zero counts included), in code order.
    public var dischargeReasons: [Tally<DischargeReason>] = []
    /// Discharges in P without a recorded reason (ingest normally prevents these).
    public var dischargesWithoutReason = 0
    /// What each cohort episode adds to the census, in cohort order (the members `explain` lists);
    /// empty unless the options keep episode facts.
    public var episodes: [EpisodeCensus] = []

    public var losMedian: Double? { Descriptive.quantile(sorted: lengthsOfStay.map(Double.init), 0.5) }
    public var losQ1: Double? { Descriptive.quantile(sorted: lengthsOfStay.map(Double.init), 0.25) }
    public var losQ3: Double? { Descriptive.quantile(sorted: lengthsOfStay.map(Double.init), 0.75) }

    /// Computes the census of the cohort for P.
    public init(_ context: CohortContext) {
        let period = context.period
        var reasons = [DischargeReason: Int]()
        let table = context.dataset.episodes  // read once for every member
        for position in context.members {
            let facts = EpisodeCensus(table, at: position, period: period)
            if context.options.keepsEpisodeFacts { episodes.append(facts) }
            if facts.admitted { admissions += 1 }
            if facts.activeAtEnd { activeAtEnd += 1 }
            patientDays += facts.daysOpen
            guard facts.discharged, let lengthOfStay = facts.lengthOfStay else { continue }
            discharges += 1
            lengthsOfStay.append(lengthOfStay)
            if let reason = facts.reason { reasons[reason, default: 0] += 1 } else { dischargesWithoutReason += 1 }
        }
        lengthsOfStay.sort()
        dischargeReasons = DischargeReason.allCases.map { Tally($0, reasons[$0] ?? 0) }
    }

    /// Days of `period` from admission to discharge (or the end of the period), both ends included.
    public static func daysOpen(admission: Day, discharge: Day?, in period: Period) -> Int {
        let first = max(admission, period.from)
        let last = min(discharge ?? period.to, period.to)
        return first <= last ? first.days(to: last) + 1 : 0
    }

    /// Writes `census.*` metrics.
    public func write(to metrics: inout MetricSet) {
        metrics.set(MetricID.admissions, .count(admissions))
        metrics.set(MetricID.discharges, .count(discharges))
        metrics.set(MetricID.activeEnd, .count(activeAtEnd))
        metrics.set(MetricID.patientDays, .count(patientDays))
        metrics.set(MetricID.losMedian, .statistic(value: losMedian, n: lengthsOfStay.count))
        for tally in dischargeReasons {
            metrics.set(MetricID.dischargeReason(tally.category), .rate(tally.count, discharges))
        }
    }
}

/// One episode's census facts for P.
public struct EpisodeCensus: Hashable, Sendable {
    public var episodeID: String
    public var admission: Day
    public var discharge: Day?
    public var reason: DischargeReason?
    /// Admitted in P.
    public var admitted: Bool
    /// Discharged in P.
    public var discharged: Bool
    /// Admitted on or before the end of P and not discharged by then.
    public var activeAtEnd: Bool
    /// Days of P the episode was open, both ends counted.
    public var daysOpen: Int

    /// The facts of the episode at `position`. The table is borrowed: an initializer takes its
    /// arguments owned, so a table passed owned was retained and released for every member, by
    /// both cores on the same reference counts.
    init(_ episodes: borrowing EpisodeTable, at position: Int, period: Period) {
        episodeID = episodes.episodeID(at: position)
        admission = episodes.admissionDate(at: position)
        discharge = episodes.dischargeDate(at: position)
        reason = episodes.dischargeReason(at: position)
        admitted = period.contains(admission)
        discharged = discharge.map(period.contains) ?? false
        activeAtEnd = CohortContext.isActive(admission: admission, discharge: discharge, on: period.to)
        daysOpen = CensusResult.daysOpen(admission: admission, discharge: discharge, in: period)
    }

    /// Discharge - admission in days, for a discharged episode.
    public var lengthOfStay: Int? { discharge.map { admission.days(to: $0) } }
}
