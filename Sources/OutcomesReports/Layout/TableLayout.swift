import Charts

/// Column positions, wrapped cell lines and row heights of one table at one width.
struct TableLayout {
    let table: ReportTable
    let width: Double
    let wrapper: TextWrapper
    let padding = 3.0

    var columnWidths: [Double] {
        let total = table.columns.reduce(0) { $0 + $1.weight }
        return table.columns.map { width * $0.weight / max(total, 0.0001) }
    }

    var columnLefts: [Double] {
        var x = 0.0
        return columnWidths.map { w in defer { x += w }; return x }
    }

    func lines(_ text: String, font: ChartFont, column: Int) -> [String] {
        wrapper.wrap(text, font: font, width: max(columnWidths[column] - 2 * padding, 8))
    }

    var headerHeight: Double {
        let lineCount = table.columns.indices.map { lines(table.columns[$0].title, font: ReportStyle.tableHeader, column: $0).count }.max() ?? 1
        return Double(lineCount) * ReportStyle.lineHeight(ReportStyle.tableHeader) + 2 * padding
    }

    func rowHeight(_ row: [TableCell]) -> Double {
        var height = ReportStyle.lineHeight(ReportStyle.tableBody)
        for (column, cell) in row.enumerated() where column < table.columns.count {
            let font = cell.bold ? ChartFont(size: ReportStyle.tableBody.size, weight: .bold) : ReportStyle.tableBody
            var h = Double(lines(cell.text, font: font, column: column).count) * ReportStyle.lineHeight(font)
            if let detail = cell.detail {
                h += Double(lines(detail, font: ReportStyle.tableDetail, column: column).count) * ReportStyle.lineHeight(ReportStyle.tableDetail)
            }
            height = max(height, h)
        }
        return height + 2 * padding
    }

    /// The header and the first `count` rows: what must fit for the table to start on a page.
    func headerAndFirstRows(_ count: Int) -> Double {
        headerHeight + table.rows.prefix(count).reduce(0) { $0 + rowHeight($1) }
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

    /// One body row's primitives at `origin`, with a hairline under it.
    func row(_ cells: [TableCell], at origin: Point) -> [Primitive] {
        var out: [Primitive] = []
        let height = rowHeight(cells)
        for (column, cell) in cells.enumerated() where column < table.columns.count {
            if let values = cell.sparkline {
                let box = Rect(x: origin.x + columnLefts[column] + padding, y: origin.y + padding,
                               width: columnWidths[column] - 2 * padding, height: height - 2 * padding)
                out += Sparkline(values: values).primitives(in: box)
                continue
            }
            let font = cell.bold ? ChartFont(size: ReportStyle.tableBody.size, weight: .bold) : ReportStyle.tableBody
            var lineY = origin.y + padding
            for line in lines(cell.text, font: font, column: column) {
                out.append(.text(run(line, column: column, origin: origin, y: lineY, font: font, color: cell.color ?? ReportStyle.ink)))
                lineY += ReportStyle.lineHeight(font)
            }
            for line in cell.detail.map({ lines($0, font: ReportStyle.tableDetail, column: column) }) ?? [] {
                out.append(.text(run(line, column: column, origin: origin, y: lineY, font: ReportStyle.tableDetail, color: ReportStyle.secondary)))
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
