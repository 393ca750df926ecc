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
/// those of the episodes overlapping the periods' span, dated up to the span's end.
///
/// Assessments and goals: read for the episodes that can be in an outcome, fidelity,
/// follow-up or deterioration cohort of some period: admitted by the span's end and not
/// discharged before the earliest window those cohorts look at (`AnalysisWindows`).
/// Retention needs episode dates only. Episodes and events are read whole: readmissions
/// and events after discharge are found through the patient, and they are few beside sessions.
public enum DataWindow {
    /// The first day of the earliest and the last day of the latest of `periods`; nil when empty.
    public static func span(of periods: [Period]) -> Period? {
        guard let from = periods.map(\.from).min(), let to = periods.map(\.to).max() else { return nil }
        return Period(from: from, to: to)
    }

    /// Positions in `spans` (the episodes' admissions and discharges) of the episodes whose
    /// sessions the analysis of `periods` reads (dated up to the end of `span(of: periods)`).
    public static func sessionEpisodes(for periods: [Period], spans: [EpisodeSpan]) -> [Int] {
        guard let span = span(of: periods) else { return [] }
        return spans.indices.filter { overlaps(spans[$0], from: span.from, to: span.to) }
    }

    /// Positions in `spans` of the episodes whose assessments and goals the analysis of
    /// `periods` reads.
    public static func scoredEpisodes(for periods: [Period], spans: [EpisodeSpan]) -> [Int] {
        guard let span = span(of: periods),
              let from = periods.map({ AnalysisWindows(period: $0).earliestScoredDischarge }).min() else { return [] }
        return spans.indices.filter { overlaps(spans[$0], from: from, to: span.to) }
    }

    /// Admitted by `to` and not discharged before `from`.
    static func overlaps(_ span: EpisodeSpan, from: Day, to: Day) -> Bool {
        span.admission <= to && (span.discharge.map { $0 >= from } ?? true)
    }
}
