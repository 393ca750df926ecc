import OutcomesCore

/// Counts behind the equity outcomes; they add up across episodes.
public struct EquityFigures: Hashable, Sendable {
    public var scheduled = 0
    public var attended = 0
    public var discharges = 0
    public var completed = 0
    public var withPairs = 0
    public var reliablyImproved = 0
    public var casesAtBaseline = 0
    public var recovered = 0

    public var attendance: MetricValue { .rate(attended, scheduled) }
    public var completion: MetricValue { .rate(completed, discharges) }
    public var reliableImprovement: MetricValue { .rate(reliablyImproved, withPairs) }
    public var recovery: MetricValue { .rate(recovered, casesAtBaseline) }

    public init() {}

    /// One member's figures; the context is borrowed, as `EpisodeCensus.init` borrows its table.
    init(position: Int, context: borrowing CohortContext, outcome: EpisodeOutcome?) {
        let period = context.period
        let admission = context.dataset.episodes.admissionDate(at: position)
        let dischargeDate = context.dataset.episodes.dischargeDate(at: position)
        if admission <= period.to, (dischargeDate ?? period.to) >= period.from {
            let sessions = context.dataset.sessionColumns
            for row in context.dataset.sessionRows(ofEpisodeAt: position, datedIn: period) {
                let status = sessions.status(row)
                guard status.isScheduled else { continue }
                scheduled += 1
                if status.isAttended { attended += 1 }
            }
        }
        if let discharge = dischargeDate, period.contains(discharge) {
            discharges += 1
            if context.dataset.episodes.dischargeReason(at: position) == .completed { completed += 1 }
        }
        guard let outcome else { return }
        if outcome.hasThreshold {
            withPairs += 1
            if outcome.improved && !outcome.deteriorated { reliablyImproved += 1 }
        }
        if outcome.caseAtBaseline {
            casesAtBaseline += 1
            if !outcome.caseAtFinal { recovered += 1 }
        }
    }

    public static func + (lhs: EquityFigures, rhs: EquityFigures) -> EquityFigures {
        var sum = lhs
        sum += rhs
        return sum
    }

    public static func += (lhs: inout EquityFigures, rhs: EquityFigures) {
        lhs.scheduled += rhs.scheduled
        lhs.attended += rhs.attended
        lhs.discharges += rhs.discharges
        lhs.completed += rhs.completed
        lhs.withPairs += rhs.withPairs
        lhs.reliablyImproved += rhs.reliablyImproved
        lhs.casesAtBaseline += rhs.casesAtBaseline
        lhs.recovered += rhs.recovered
    }
}

/// One discharged episode's depression-and-anxiety outcome, the one Equity stratifies: judged on
/// PHQ-9 and GAD-7 only (`Equity.instruments`). With both pairs it is the combined outcome (NHS
/// Talking Therapies: reliable improvement on at least one and reliable deterioration on neither; a
/// case at baseline on either, recovered when a case on neither at final); with one pair, that
/// instrument's own outcome. AUDIT, DAST-10 and other instruments never count.
struct EpisodeOutcome {
    /// Pairs used, and how many had a reliable-change category (a threshold).
    var pairs = 0
    var categorized = 0
    var improved = false
    var deteriorated = false
    var caseAtBaseline = false
    var caseAtFinal = false

    /// Every pair used had a threshold: reliable improvement is defined.
    var hasThreshold: Bool { pairs > 0 && categorized == pairs }

    static func byEpisode(_ outcomes: [SymptomOutcome]) -> [String: EpisodeOutcome] {
        var result = [String: EpisodeOutcome]()
        for outcome in outcomes where Equity.instruments.contains(outcome.instrument.code) {
            for (index, pair) in outcome.pairs.enumerated() {
                var item = result[pair.episodeID] ?? EpisodeOutcome()
                item.pairs += 1
                if outcome.categories.indices.contains(index) {
                    item.categorized += 1
                    if outcome.categories[index] == .improvement { item.improved = true }
                    if outcome.categories[index] == .deterioration { item.deteriorated = true }
                }
                if outcome.instrument.isCase(pair.baseline.score) { item.caseAtBaseline = true }
                if outcome.instrument.isCase(pair.final.score) { item.caseAtFinal = true }
                result[pair.episodeID] = item
            }
        }
        return result
    }
}
