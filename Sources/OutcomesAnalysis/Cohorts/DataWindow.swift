import OutcomesCore

/// What the store must hand the analysis of a set of periods (a report's P, its previous
/// period and its trend months; `analyze`'s P or its trend): the one rule that derives the
/// rows to load from the periods analysed.
///
/// Every session metric of a period Q reads sessions of episodes that overlap Q, dated from
/// their admission to the end of Q: attendance, dose and mix read sessions dated in Q; days
/// to first session reads an admission in Q onwards; the disengagement run of an episode
/// active at the end of Q reads back through its sessions, as far as its admission; sessions
/// per episode read a discharged episode's whole stay. So the sessions needed are those dated
/// from the earliest admission of any episode overlapping the periods' span to the span's end.
/// Episodes, assessments, goals and events are read whole: windows after discharge (follow-ups,
/// readmissions) reach past P, and they are few beside sessions.
public enum DataWindow {
    /// The first day of the earliest and the last day of the latest of `periods`; nil when empty.
    public static func span(of periods: [Period]) -> Period? {
        guard let from = periods.map(\.from).min(), let to = periods.map(\.to).max() else { return nil }
        return Period(from: from, to: to)
    }

    /// The session dates the analysis of `periods` reads, given every episode; nil when no
    /// period is analysed.
    public static func sessions(for periods: [Period], episodes: [Episode]) -> Period? {
        guard let span = span(of: periods) else { return nil }
        var from = span.from
        for episode in episodes where episode.admissionDate < from && episode.admissionDate <= span.to {
            if episode.dischargeDate.map({ $0 >= span.from }) ?? true { from = episode.admissionDate }
        }
        return Period(from: from, to: span.to)
    }
}
