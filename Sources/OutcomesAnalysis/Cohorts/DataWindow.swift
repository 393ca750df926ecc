import OutcomesCore

/// What the store must hand the analysis of a set of periods (a report's P, its previous
/// period and its trend months; `analyze`'s P or its trend): the one rule that derives the
/// rows to load from the periods analysed.
///
/// Sessions: every session metric of a period Q reads sessions of episodes that overlap Q,
/// dated from their admission to the end of Q (attendance, dose and mix read sessions dated in
/// Q; days to first session reads an admission in Q onwards; the disengagement run of an
/// episode active at the end of Q reads back through its sessions, as far as its admission;
/// sessions per episode read a discharged episode's whole stay). So the sessions needed are
/// those of the episodes overlapping the span of the periods analysed for a family that reads
/// sessions (`MetricFamily.readsSessions`), dated up to the span's end; none for the others.
///
/// Assessments and goals: read for the episodes that can be in an outcome, fidelity,
/// follow-up or deterioration cohort of some period: admitted by the span's end and not
/// discharged before the earliest window those cohorts look at (`AnalysisWindows`); goals only
/// for the periods analysed for goal attainment.
///
/// Episodes: those a cohort of some period can hold (`CohortContext`: admitted by the period's
/// end, not discharged before its earliest window, retention's included); a readmission that
/// counts is admitted inside a post-discharge window, so it is one of them. A period analysed for
/// some metric families only (a report's trend months) reaches back only as far as their windows:
/// a month's attendance needs that month, its retention the twelve months before.
///
/// Events: dated from the earliest admission of those episodes to the span's end, for the
/// periods analysed for a family that reads them. Step-up and return to use read events back
/// to an episode's admission; post-discharge windows end by the end of their P, and the watch
/// list reads safety events dated in P.
///
/// So what is read does not grow with the history before the earliest window.
public enum DataWindow {
    /// The first day of the earliest and the last day of the latest of `periods`; nil when empty.
    public static func span(of periods: [AnalysedPeriod]) -> Period? {
        guard let from = periods.map(\.period.from).min(), let to = periods.map(\.period.to).max() else { return nil }
        return Period(from: from, to: to)
    }

    /// The days whose open episodes the analysis of `periods` can look at: from the earliest
    /// window of any period's families (`AnalysisWindows.earliestDay(for:)`) to the latest
    /// period's end, or to the end of its discharge cohort when its families look at that cohort
    /// alone (`AnalysisWindows.dischargeCohort(for:)`); nil when empty.
    public static func episodes(for periods: [AnalysedPeriod]) -> Period? {
        let windows = periods.map { (windows: AnalysisWindows(period: $0.period), families: $0.families) }
        guard let from = windows.map({ $0.windows.earliestDay(for: $0.families) }).min(),
              let to = windows.map({ ($0.windows.dischargeCohort(for: $0.families) ?? $0.windows.period).to }).max()
        else { return nil }
        return Period(from: from, to: to)
    }

    /// The days whose clinical events the analysis of `periods` reads, given the spans of the
    /// episodes it reads (`episodes(for:)`): from their earliest admission to the end of the
    /// periods analysed for a family that reads events (`MetricFamily.readsEvents`); nil when
    /// none is.
    public static func events(for periods: [AnalysedPeriod], spans: [EpisodeSpan]) -> Period? {
        guard let span = span(of: periods.filter { $0.families.contains(where: \.readsEvents) }),
              let from = spans.lazy.map(\.admission).min() else { return nil }
        return Period(from: from, to: span.to)
    }

    /// Positions in `spans` (the episodes' admissions and discharges) of the episodes whose
    /// sessions the analysis of `periods` reads (dated up to the end of `span(of: periods)`):
    /// those overlapping the periods analysed for a family that reads sessions.
    public static func sessionEpisodes(for periods: [AnalysedPeriod], spans: [EpisodeSpan]) -> [Int] {
        guard let span = span(of: periods.filter { $0.families.contains(where: \.readsSessions) }) else { return [] }
        return spans.indices.filter { overlaps(spans[$0], from: span.from, to: span.to) }
    }

    /// Positions in `spans` of the episodes whose goals the analysis of `periods` reads: the
    /// scored episodes of the periods analysed for goal attainment.
    public static func goalEpisodes(for periods: [AnalysedPeriod], spans: [EpisodeSpan]) -> [Int] {
        scoredEpisodes(for: periods.filter { $0.families.contains(.goals) }, spans: spans)
    }

    /// Positions in `spans` of the episodes whose assessments (and, for goal attainment, goals)
    /// the analysis of `periods` reads: those discharged in the discharge cohort of a period
    /// whose families look at that cohort alone (`AnalysisWindows.dischargeCohort(for:)`), and
    /// those open from the other periods' earliest scored discharge to the latest one's end.
    public static func scoredEpisodes(for periods: [AnalysedPeriod], spans: [EpisodeSpan]) -> [Int] {
        var cohorts: [Period] = []
        var window: Period?
        for analysed in periods {
            let windows = AnalysisWindows(period: analysed.period)
            if let cohort = windows.dischargeCohort(for: analysed.families) {
                cohorts.append(cohort)
                continue
            }
            let (from, to) = (windows.earliestScoredDischarge(for: analysed.families), analysed.period.to)
            window = Period(from: min(window?.from ?? from, from), to: max(window?.to ?? to, to))
        }
        return spans.indices.filter { position in
            let span = spans[position]
            if let window, overlaps(span, from: window.from, to: window.to) { return true }
            return span.discharge.map { discharge in cohorts.contains { $0.contains(discharge) } } ?? false
        }
    }

    /// Admitted by `to` and not discharged before `from`.
    static func overlaps(_ span: EpisodeSpan, from: Day, to: Day) -> Bool {
        span.admission <= to && (span.discharge.map { $0 >= from } ?? true)
    }
}

/// A period to analyse and the metric families computed for it, which decide how far back its
/// analysis reads (`DataWindow`).
public struct AnalysedPeriod: Hashable, Sendable {
    /// The period the analysis is of.
    public var period: Period
    /// The metric families computed for it.
    public var families: Set<MetricFamily>

    /// `period` analysed for `families`, every family by default.
    public init(_ period: Period, families: Set<MetricFamily> = Set(MetricFamily.allCases)) {
        self.period = period
        self.families = families
    }

    /// Each of `periods` analysed for every family.
    public static func allFamilies(_ periods: [Period]) -> [AnalysedPeriod] { periods.map { AnalysedPeriod($0) } }
}
