import Charts

/// A laid-out report: one scene per page (page size, header and footer included) and every
/// chart on its own for SVG export.
public struct ReportDocument: Sendable {
    public var title: String
    public var setup: PageSetup
    public var pages: [Scene]
    /// Charts in the order they appear, with a file-name stem each.
    public var charts: [(name: String, scene: Scene)]
    /// Section titles and the page each starts on.
    public var contents: [(title: String, page: Int)]
    /// True when the report carries an episode-level watch list (every page is stamped).
    public var containsPHI: Bool
}

/// Header, footer and the protected-health-information stamp, added once the page count is known.
struct PageDecorator {
    let setup: PageSetup
    let leftHeader: String
    let rightHeader: String
    let footer: String
    let phiStamp: Bool
    /// The first page is a cover: no running header on it.
    var hasCover = false

    static let phiText = "Contains protected health information"

    func decorate(_ content: [Primitive], page: Int, of count: Int) -> Scene {
        let left = setup.margin
        let right = setup.size.width - setup.margin
        var out: [Primitive] = []
        func text(_ s: String, _ x: Double, _ y: Double, _ anchor: TextAnchor.Horizontal, font: ChartFont = ReportStyle.pageFurniture,
                  color: ChartColor = ReportStyle.secondary) {
            out.append(.text(TextRun(text: s, position: Point(x: x, y: y), anchor: TextAnchor(anchor, .baseline), font: font, color: color)))
        }
        if phiStamp {
            let box = Rect(x: left, y: setup.headerBaseline - 26, width: setup.contentWidth, height: 14)
            out.append(.rect(box, fill: ReportStyle.stampColor.withAlpha(0.1), stroke: StrokeStyle(color: ReportStyle.stampColor, width: 0.75)))
            text(PageDecorator.phiText.uppercased() + " · INTERNAL USE ONLY", box.midX, box.maxY - 3.5, .middle,
                 font: ReportStyle.stamp, color: ReportStyle.stampColor)
        }
        if !(hasCover && page == 1) {
            text(leftHeader, left, setup.headerBaseline, .start)
            text(rightHeader, right, setup.headerBaseline, .end)
            out.append(.polyline([Point(x: left, y: setup.headerBaseline + 5), Point(x: right, y: setup.headerBaseline + 5)],
                                 StrokeStyle(color: ReportStyle.rule, width: 0.5)))
        }
        out.append(.polyline([Point(x: left, y: setup.footerBaseline - 11), Point(x: right, y: setup.footerBaseline - 11)],
                             StrokeStyle(color: ReportStyle.rule, width: 0.5)))
        text(footer, left, setup.footerBaseline, .start)
        text("Page \(page) of \(count)", right, setup.footerBaseline, .end)
        if phiStamp {
            text(PageDecorator.phiText + ": do not share outside the program", left, setup.footerBaseline + 11, .start,
                 font: ReportStyle.stamp, color: ReportStyle.stampColor)
        }
        return Scene(size: setup.size, primitives: out + content)
    }
}
