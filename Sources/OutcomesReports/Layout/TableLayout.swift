import Charts

/// Column positions, wrapped cell lines and row heights of one table at one width.
///
/// A row is wrapped once (`wrapped(_:)`) for both its height and its primitives: the 70-page
/// watch list of the 200,000-episode network's monthly report wrapped each cell three times.
struct TableLayout {
    let table: ReportTable
    let width: Double
    let wrapper: TextWrapper
    let padding = 3.0
    let columnWidths: [Double]
    let columnLefts: [Double]
    /// The header row's height.
    let headerHeight: Double

    init(table: ReportTable, width: Double, wrapper: TextWrapper) {
        self.table = table
        self.width = width
        self.wrapper = wrapper
        let total = table.columns.reduce(0) { $0 + $1.weight }
        let widths = table.columns.map { width * $0.weight / max(total, 0.0001) }
        var x = 0.0
        columnWidths = widths
        columnLefts = widths.map { w in defer { x += w }; return x }
        let padding = self.padding
        let lineCount = zip(table.columns, widths).map { column, columnWidth in
            let width = Self.textWidth(columnWidth, padding: padding)
            return wrapper.wrap(column.title, font: ReportStyle.tableHeader, width: width).count
        }.max() ?? 1
        headerHeight = Double(lineCount) * ReportStyle.lineHeight(ReportStyle.tableHeader) + 2 * padding
    }

    /// The width text may take in a column `columnWidth` wide.
    private static func textWidth(_ columnWidth: Double, padding: Double) -> Double {
        max(columnWidth - 2 * padding, 8)
    }

    func lines(_ text: String, font: ChartFont, column: Int) -> [String] {
        wrapper.wrap(text, font: font, width: Self.textWidth(columnWidths[column], padding: padding))
    }

    /// A body row with its cells' lines wrapped to their columns, and its height.
    struct WrappedRow {
        let cells: [TableCell]
        /// Per cell (up to the table's columns): its text's lines and its detail's lines.
        let lines: [(text: [String], detail: [String])]
        let height: Double
    }

    /// `row` wrapped: each cell's text and detail lines, and the row's height (the tallest
    /// cell, at least one body line, plus padding).
    func wrapped(_ row: [TableCell]) -> WrappedRow {
        var height = ReportStyle.lineHeight(ReportStyle.tableBody)
        var cellLines: [(text: [String], detail: [String])] = []
        for (column, cell) in row.enumerated() where column < table.columns.count {
            let font = Self.font(of: cell)
            let text = lines(cell.text, font: font, column: column)
            let detail = cell.detail.map { lines($0, font: ReportStyle.tableDetail, column: column) } ?? []
            cellLines.append((text, detail))
            height = max(height, Double(text.count) * ReportStyle.lineHeight(font)
                + Double(detail.count) * ReportStyle.lineHeight(ReportStyle.tableDetail))
        }
        return WrappedRow(cells: row, lines: cellLines, height: height + 2 * padding)
    }

    private static func font(of cell: TableCell) -> ChartFont {
        cell.bold ? ChartFont(size: ReportStyle.tableBody.size, weight: .bold) : ReportStyle.tableBody
    }

    /// The header and the first `count` rows: what must fit for the table to start on a page.
    func headerAndFirstRows(_ count: Int) -> Double {
        headerHeight + table.rows.prefix(count).reduce(0) { $0 + wrapped($1).height }
    }

    /// The header row's primitives at `origin`.
    func header(at origin: Point) -> [Primitive] {
        var out: [Primitive] = [.rect(Rect(x: origin.x, y: origin.y, width: width, height: headerHeight), fill: ReportStyle.headerFill, stroke: nil)]
        for (column, spec) in table.columns.enumerated() {
            var lineY = origin.y + padding
            for line in lines(spec.title, font: ReportStyle.tableHeader, column: column) {
                out.append(.text(run(line, column: column, origin: origin, y: lineY, font: ReportStyle.tableHeader, color: ReportStyle.ink)))
                lineY += ReportStyle.lineHeight(ReportStyle.tableHeader)
            }
        }
        return out
    }

    /// One wrapped body row's primitives at `origin`, with a hairline under it.
    func row(_ row: WrappedRow, at origin: Point) -> [Primitive] {
        var out: [Primitive] = []
        let height = row.height
        for (column, cell) in row.cells.enumerated() where column < table.columns.count {
            if let values = cell.sparkline {
                let box = Rect(x: origin.x + columnLefts[column] + padding, y: origin.y + padding,
                               width: columnWidths[column] - 2 * padding, height: height - 2 * padding)
                out += Sparkline(values: values).primitives(in: box)
                continue
            }
            let font = Self.font(of: cell)
            var lineY = origin.y + padding
            for line in row.lines[column].text {
                out.append(.text(run(line, column: column, origin: origin, y: lineY, font: font,
                                     color: cell.color ?? ReportStyle.ink)))
                lineY += ReportStyle.lineHeight(font)
            }
            for line in row.lines[column].detail {
                out.append(.text(run(line, column: column, origin: origin, y: lineY, font: ReportStyle.tableDetail,
                                     color: ReportStyle.secondary)))
                lineY += ReportStyle.lineHeight(ReportStyle.tableDetail)
            }
        }
        out.append(.polyline([Point(x: origin.x, y: origin.y + height), Point(x: origin.x + width, y: origin.y + height)],
                             StrokeStyle(color: ReportStyle.rule, width: 0.5)))
        return out
    }

    private func run(_ text: String, column: Int, origin: Point, y: Double, font: ChartFont, color: ChartColor) -> TextRun {
        let alignment = table.columns[column].alignment
        let left = origin.x + columnLefts[column]
        let x: Double
        switch alignment {
        case .start: x = left + padding
        case .middle: x = left + columnWidths[column] / 2
        case .end: x = left + columnWidths[column] - padding
        }
        return TextRun(text: text, position: Point(x: x, y: y), anchor: TextAnchor(alignment, .top), font: font, color: color)
    }
}
