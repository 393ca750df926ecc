import OutcomesCore

/// What every table's row validator needs besides the row.
struct ValidationContext {
    let registry: InstrumentRegistry
    /// Pseudonymises patient identifiers, remembering the last one.
    let pseudonymizer: RecentPseudonym
    let episodes: any EpisodeDirectory
}

/// Validates the rows of one canonical table laid out as one file lays it out. Each
/// implementation checks columns in the canonical order of `CanonicalTable.columns`, so the
/// first rule a row breaks is the one reported.
protocol TableRowValidator {
    func validate(_ row: RowFields) throws(RowReject) -> CanonicalRecord
}

extension ValidationContext {
    /// The span of the episode named in `column`: `missing_field` when blank, `unknown_episode`
    /// when no such episode is known. Returns the id and the span.
    func episode(_ row: RowFields, _ column: ColumnRef) throws(RowReject) -> (id: String, span: EpisodeSpan) {
        let id = try row.required(column)
        guard let span = episodes.span(ofEpisode: id) else {
            throw RowReject(column.name, .unknownEpisode, "the episode is neither in the database nor in an episodes file loaded before this one")
        }
        return (id, span)
    }
}
