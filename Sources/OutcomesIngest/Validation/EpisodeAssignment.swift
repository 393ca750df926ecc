import OutcomesCore

/// Assigns a row keyed by patient and date to one of the patient's episodes (SPEC section 2,
/// real export shapes): the episode whose admission-to-discharge span holds the date; for
/// assessments, failing that, the episode whose span widened by the windows section 5 reads
/// holds it (14 days before admission for a baseline, 105 days after discharge for a 90-day
/// follow-up). An episode's own span outranks another's widened one; two episodes of the same
/// rank are `ambiguous_episode`, none is `unknown_episode`.
public enum EpisodeAssignment {
    /// Days before admission in which a baseline score may fall.
    public static let baselineDaysBefore = 14
    /// Days after discharge in which a follow-up score may fall (the 90-day follow-up's 75-105).
    public static let followUpDaysAfter = 105

    /// The assigned episode id, or the reject (reported at `column`).
    static func assign(_ day: Day, table: CanonicalTable, among episodes: [String: EpisodeSpan],
                       column: String) throws(RowReject) -> String {
        let own = episodes.filter { $0.value.contains(day) }.keys.sorted()
        if own.count == 1 { return own[0] }
        if own.count > 1 { throw ambiguous(day, own, column) }
        if table == .assessments {
            let widened = episodes.filter { widenedSpan($0.value).contains(day) }.keys.sorted()
            if widened.count == 1 { return widened[0] }
            if widened.count > 1 { throw ambiguous(day, widened, column) }
        }
        let how = table == .assessments ? " (widened by 14 days before admission and 105 after discharge)" : ""
        throw RowReject(column, .unknownEpisode, episodes.isEmpty
            ? "the patient has no episode in the database nor in an episodes file loaded before this one"
            : "\(day) falls in none of the patient's \(episodes.count) episodes\(how)")
    }

    /// An episode's span widened by the assessment windows.
    static func widenedSpan(_ span: EpisodeSpan) -> EpisodeSpan {
        EpisodeSpan(admission: span.admission.adding(days: -baselineDaysBefore),
                    discharge: span.discharge?.adding(days: followUpDaysAfter))
    }

    private static func ambiguous(_ day: Day, _ ids: [String], _ column: String) -> RowReject {
        RowReject(column, .ambiguousEpisode,
                  "\(day) falls in \(ids.count) of the patient's episodes (\(ids.joined(separator: ", "))); give the episode")
    }
}
