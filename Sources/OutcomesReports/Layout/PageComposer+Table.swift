import Charts

extension PageComposer {
    /// Places a table row by row; a row that does not fit starts a new page under a repeated
    /// header. The last row goes to the next page with the note when the note would not fit
    /// under it (a note alone at the top of a page explains nothing), unless it is the only row
    /// on this page or the two would not fit on a page either.
    mutating func placeTable(_ table: ReportTable) {
        let layout = TableLayout(table: table, width: table.width ?? setup.contentWidth, wrapper: wrapper)
        if layout.headerAndFirstRows(min(2, table.rows.count)) > remaining, !pageIsEmpty { newPage() }
        startTable(layout)
        let lineHeight = ReportStyle.lineHeight(ReportStyle.small)
        let noteLines = table.note.map { wrapper.wrap($0, font: ReportStyle.small, width: setup.contentWidth) } ?? []
        let noteHeight = 6 + Double(noteLines.count) * lineHeight
        var rowsOnPage = 0
        for (index, row) in table.rows.enumerated() {
            let wrapped = layout.wrapped(row)
            let keptWithNote = index == table.rows.count - 1 && !noteLines.isEmpty && rowsOnPage > 0
                && wrapped.height + noteHeight > remaining
                && layout.headerHeight + wrapped.height + noteHeight <= setup.contentBottom - setup.contentTop
            if wrapped.height > remaining || keptWithNote {
                newPage()
                startTable(layout)
                rowsOnPage = 0
            }
            pages[pages.count - 1].append(contentsOf: layout.row(wrapped, at: Point(x: left, y: y)))
            y += wrapped.height
            rowsOnPage += 1
        }
        y += 6
        if !noteLines.isEmpty {
            for line in noteLines {
                if lineHeight > remaining { newPage() }
                text(line, x: left, y: y, font: ReportStyle.small, color: ReportStyle.secondary)
                y += lineHeight
            }
            y += 4
        }
        y += 6
    }

    private mutating func startTable(_ layout: TableLayout) {
        pages[pages.count - 1].append(contentsOf: layout.header(at: Point(x: left, y: y)))
        y += layout.headerHeight
    }

    /// The report title, period and audience at the top of the first page.
    mutating func placeTitleBlock(_ title: String, _ lines: [String]) {
        text(title, x: left, y: y, font: ReportStyle.title)
        y += ReportStyle.lineHeight(ReportStyle.title) + 2
        for line in lines.flatMap({ wrapper.wrap($0, font: ReportStyle.subtitle, width: setup.contentWidth) }) {
            text(line, x: left, y: y, font: ReportStyle.subtitle, color: ReportStyle.secondary)
            y += ReportStyle.lineHeight(ReportStyle.subtitle)
        }
        y += 10
    }

    /// A cover page: title, program and period a third of the way down, a note at the foot.
    mutating func placeCover(_ title: String, _ lines: [String], _ note: String?) {
        if !pageIsEmpty { newPage() }
        y = setup.size.height * 0.3
        emit(.rect(Rect(x: left, y: y - 18, width: 60, height: 4), fill: ReportStyle.accent, stroke: nil))
        let titleFont = ChartFont(size: 26, weight: .bold)
        for line in wrapper.wrap(title, font: titleFont, width: setup.contentWidth) {
            text(line, x: left, y: y, font: titleFont)
            y += ReportStyle.lineHeight(titleFont)
        }
        y += 12
        for line in lines {
            text(line, x: left, y: y, font: ReportStyle.subtitle, color: ReportStyle.secondary)
            y += ReportStyle.lineHeight(ReportStyle.subtitle) + 2
        }
        if let note {
            y = setup.contentBottom - 60
            for line in wrapper.wrap(note, font: ReportStyle.body, width: setup.contentWidth) {
                text(line, x: left, y: y, font: ReportStyle.body, color: ReportStyle.secondary)
                y += ReportStyle.lineHeight(ReportStyle.body)
            }
        }
        newPage()
    }
}
