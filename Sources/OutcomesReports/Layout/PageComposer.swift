import Charts

/// Paginates layout items into pages of primitives: headings kept with what follows, paragraphs
/// and tables split across pages (tables repeat their header), figures never split.
struct PageComposer {
    let setup: PageSetup
    let measurer: any TextMeasuring
    var pages: [[Primitive]] = [[]]
    /// Section anchor -> page number (1-based).
    var anchors: [String: Int] = [:]
    var y: Double

    init(setup: PageSetup, measurer: any TextMeasuring) {
        self.setup = setup
        self.measurer = measurer
        y = setup.contentTop
    }

    var wrapper: TextWrapper { TextWrapper(measurer: measurer) }
    var left: Double { setup.margin }
    var remaining: Double { setup.contentBottom - y }
    var pageIsEmpty: Bool { y <= setup.contentTop + 0.01 }

    mutating func newPage() {
        pages.append([])
        y = setup.contentTop
    }

    mutating func emit(_ primitive: Primitive) { pages[pages.count - 1].append(primitive) }

    mutating func text(_ string: String, x: Double, y: Double, font: ChartFont, color: ChartColor = ReportStyle.ink,
                       anchor: TextAnchor.Horizontal = .start) {
        emit(.text(TextRun(text: string, position: Point(x: x, y: y), anchor: TextAnchor(anchor, .top), font: font, color: color)))
    }

    /// Lays out every item in order.
    mutating func compose(_ items: [LayoutItem]) {
        let content = items.indices.filter { if case .anchor = items[$0] { return false } else { return true } }
        for (index, item) in items.enumerated() {
            let following = content.filter { $0 > index }.prefix(2).map { items[$0] }
            place(item, next: following)
        }
        if pages.count > 1, pages[pages.count - 1].isEmpty { pages.removeLast() }
    }

    private mutating func place(_ item: LayoutItem, next: [LayoutItem]) {
        switch item {
        case .anchor(let name): anchors[name] = pages.count + (remaining < 60 ? 1 : 0)
        case .pageBreak: if !pageIsEmpty { newPage() }
        case .heading(let text, let level): placeHeading(text, level: level, next: next)
        case .paragraph(let text, let small):
            let keep = keptHeight(item) + minimumHeight(of: next.first)
            if !small, keep > remaining, keep < 360, !pageIsEmpty { newPage() }
            placeParagraph(text, font: small ? ReportStyle.small : ReportStyle.body, color: small ? ReportStyle.secondary : ReportStyle.ink)
        case .table(let table): placeTable(table)
        case .figures(let scenes, let caption): placeFigures(scenes, caption: caption)
        case .titleBlock(let title, let lines): placeTitleBlock(title, lines)
        case .cover(let title, let lines, let note): placeCover(title, lines, note)
        }
    }

    /// A short introductory paragraph stays with what it introduces: its whole height.
    func keptHeight(_ item: LayoutItem) -> Double {
        guard case .paragraph(let text, _) = item else { return minimumHeight(of: item) }
        let lines = wrapper.wrap(text, font: ReportStyle.body, width: setup.contentWidth).count
        return Double(lines) * ReportStyle.lineHeight(ReportStyle.body) + ReportStyle.body.size * 0.6
    }

    /// The least height that must fit below a heading so that it is not left alone.
    func minimumHeight(of item: LayoutItem?) -> Double {
        guard let item else { return 0 }
        switch item {
        case .paragraph: return 3 * ReportStyle.lineHeight(ReportStyle.body)
        case .table(let table): return TableLayout(table: table, width: setup.contentWidth, wrapper: wrapper).headerAndFirstRows(2)
        case .figures(let scenes, let caption):
            let lines = caption.map { wrapper.wrap($0, font: ReportStyle.body, width: setup.contentWidth).count } ?? 0
            return (scenes.map(\.size.height).max() ?? 0) + 8 + Double(lines) * ReportStyle.lineHeight(ReportStyle.body)
        case .heading(_, _): return 40
        default: return 0
        }
    }

    private mutating func placeHeading(_ title: String, level: Int, next: [LayoutItem]) {
        let font = level == 1 ? ReportStyle.heading : ReportStyle.subheading
        let before = pageIsEmpty ? 0 : (level == 1 ? 14.0 : 8.0)
        let height = ReportStyle.lineHeight(font) + (level == 1 ? 8 : 4)
        var keep = minimumHeight(of: next.first)
        if let first = next.first, case .paragraph(_, false) = first, next.count > 1 {
            let whole = keptHeight(first) + minimumHeight(of: next[1])
            if whole < 360 { keep = whole }
        }
        if before + height + keep > remaining, !pageIsEmpty { newPage() } else { y += before }
        text(title, x: left, y: y, font: font, color: level == 1 ? ReportStyle.accent : ReportStyle.ink)
        y += ReportStyle.lineHeight(font)
        if level == 1 {
            emit(.polyline([Point(x: left, y: y + 1), Point(x: left + setup.contentWidth, y: y + 1)],
                           StrokeStyle(color: ReportStyle.rule, width: 0.75)))
        }
        y += level == 1 ? 8 : 4
    }

    private mutating func placeParagraph(_ string: String, font: ChartFont, color: ChartColor) {
        let lineHeight = ReportStyle.lineHeight(font)
        for line in wrapper.wrap(string, font: font, width: setup.contentWidth) {
            if lineHeight > remaining { newPage() }
            text(line, x: left, y: y, font: font, color: color)
            y += lineHeight
        }
        y += font.size * 0.6
    }

    private mutating func placeFigures(_ scenes: [Scene], caption: String?) {
        let height = scenes.map(\.size.height).max() ?? 0
        let captionLines = caption.map { wrapper.wrap($0, font: ReportStyle.body, width: setup.contentWidth) } ?? []
        let captionHeight = Double(captionLines.count) * ReportStyle.lineHeight(ReportStyle.body)
        if height + captionHeight + 6 > remaining, !pageIsEmpty { newPage() }
        var x = left
        for scene in scenes {
            pages[pages.count - 1].append(contentsOf: scene.primitives(at: Point(x: x, y: y)))
            x += scene.size.width + setup.gutter
        }
        y += height + 6
        for line in captionLines {
            text(line, x: left, y: y, font: ReportStyle.body)
            y += ReportStyle.lineHeight(ReportStyle.body)
        }
        y += captionLines.isEmpty ? 4 : 10
    }
}
