import Charts

/// A piece of report content before pagination.
enum LayoutItem: Sendable {
    /// A section heading (level 1) or a sub-heading (level 2); kept with what follows.
    case heading(String, level: Int)
    /// Wrapped text; `small` for notes.
    case paragraph(String, small: Bool)
    /// Splits across pages with its header repeated.
    case table(ReportTable)
    /// One full-width chart, or two half-width charts side by side, with an optional caption kept with them.
    case figures([Scene], caption: String?)
    /// The report's title block (first page of reports without a cover).
    case titleBlock(title: String, lines: [String])
    /// A whole cover page.
    case cover(title: String, lines: [String], note: String?)
    case pageBreak
    /// Marks where a section starts, for the table of contents.
    case anchor(String)
}
