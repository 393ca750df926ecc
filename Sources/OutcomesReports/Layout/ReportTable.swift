import Charts

/// A table as a report shows it: columns with widths and alignment, rows of cells.
struct ReportTable: Sendable {
    struct Column: Sendable {
        var title: String
        /// Share of the table width; the shares are normalised.
        var weight: Double
        var alignment: TextAnchor.Horizontal

        init(_ title: String, _ weight: Double, _ alignment: TextAnchor.Horizontal = .end) {
            self.title = title
            self.weight = weight
            self.alignment = alignment
        }
    }

    var columns: [Column]
    var rows: [[TableCell]]
    /// Printed under the table in small type.
    var note: String?
    /// Widths in points; nil spreads over the content width.
    var width: Double?

    init(columns: [Column], rows: [[TableCell]], note: String? = nil) {
        self.columns = columns
        self.rows = rows
        self.note = note
    }
}

/// One cell: a line of text with an optional detail line (n and denominator), or a sparkline.
struct TableCell: Sendable {
    var text: String
    var detail: String?
    var bold = false
    var color: ChartColor?
    /// A small trend line drawn in the cell instead of text.
    var sparkline: [Double?]?

    init(_ text: String, detail: String? = nil, bold: Bool = false, color: ChartColor? = nil) {
        self.text = text
        self.detail = detail
        self.bold = bold
        self.color = color
    }

    static func sparkline(_ values: [Double?]) -> TableCell {
        var cell = TableCell("")
        cell.sparkline = values
        return cell
    }
}

extension TableCell: ExpressibleByStringInterpolation {
    init(stringLiteral value: String) { self.init(value) }
}
