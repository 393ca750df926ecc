import Charts
import OutcomesTestSupport
import Testing
@testable import OutcomesReports

/// Pagination with a fixed-width measurer: tables split with repeated headers, headings stay
/// with what follows them.
@Suite("page layout")
struct PageLayoutTests {
    let measurer = FixedWidthTextMeasurer()

    func compose(_ items: [LayoutItem]) -> PageComposer {
        var composer = PageComposer(setup: .letter, measurer: measurer)
        composer.compose(items)
        return composer
    }

    func texts(_ page: [Primitive]) -> [TextRun] {
        page.compactMap { if case .text(let run) = $0 { return run } else { return nil } }
    }

    func table(rows: Int) -> ReportTable {
        ReportTable(columns: [.init("Track name", 2, .start), .init("Discharges", 1)],
                    rows: (0..<rows).map { [TableCell("track \($0)"), TableCell("\($0)")] })
    }

    @Test func aLongTableSplitsAcrossPagesWithItsHeaderRepeated() {
        // Given a table far taller than a page
        let composer = compose([.heading("Census", level: 1), .table(table(rows: 120))])
        // Then it spans several pages, each starting with the header, and every row is placed once
        #expect(composer.pages.count >= 3)
        for page in composer.pages {
            #expect(texts(page).contains { $0.text == "Track name" }, "every page repeats the header")
        }
        let rows = composer.pages.flatMap(texts).filter { $0.text.hasPrefix("track ") }
        #expect(rows.count == 120)
    }

    @Test("A table's note is never alone at the top of a page: its last row comes with it")
    func aNoteStaysWithTheLastRow() {
        // For every length from one row to three pages' worth, one of which ends the first page
        // with room for the last row but not the note (the case that orphaned it).
        for count in 1...150 {
            var noted = table(rows: count)
            noted.note = "Counts are episodes discharged in the period."
            let composer = compose([.table(noted)])
            let page = { (prefix: String) in
                composer.pages.firstIndex { texts($0).contains { $0.text.hasPrefix(prefix) } }
            }
            #expect(page("track \(count - 1)") == page("Counts are"), "\(count) rows")
            let rows = composer.pages.flatMap(texts).filter { $0.text.hasPrefix("track ") }
            #expect(rows.count == count)
        }
    }

    @Test func nothingIsDrawnBelowTheContentArea() {
        let composer = compose([.table(table(rows: 200)), .paragraph(String(repeating: "word ", count: 900), small: false)])
        for page in composer.pages {
            #expect(texts(page).allSatisfy { $0.position.y < PageSetup.letter.contentBottom })
        }
    }

    @Test func aHeadingNearThePageFootMovesToTheNextPageWithItsTable() {
        // Given text that fills most of the first page
        let filler = String(repeating: "Engagement is the strongest predictor of success. ", count: 95)
        let composer = compose([.paragraph(filler, small: false), .heading("Relapse indicators", level: 1), .table(table(rows: 5))])
        // Then the heading is on the page where its table starts
        let headingPage = composer.pages.firstIndex { texts($0).contains { $0.text == "Relapse indicators" } }
        let tablePage = composer.pages.firstIndex { texts($0).contains { $0.text == "Track name" } }
        #expect(headingPage != nil)
        #expect(headingPage == tablePage)
        if let headingPage {
            let headingY = texts(composer.pages[headingPage]).first { $0.text == "Relapse indicators" }?.position.y ?? 0
            #expect(headingY < PageSetup.letter.contentBottom - 60, "a heading is never the last thing on a page")
        }
    }

    @Test func twoHalfWidthChartsSitSideBySide() {
        let scene = Scene(size: Size(width: PageSetup.letter.halfWidth, height: 200),
                          primitives: [.rect(Rect(x: 0, y: 0, width: 10, height: 10), fill: nil, stroke: nil)])
        let composer = compose([.figures([scene, scene], caption: nil)])
        let rects = composer.pages[0].compactMap { if case .rect(let r, _, _) = $0 { return r } else { return nil } }
        #expect(rects.count == 2)
        #expect(rects[1].x - rects[0].x == PageSetup.letter.halfWidth + PageSetup.letter.gutter)
        #expect(PageSetup.letter.halfWidth == 226)
        #expect(PageSetup.letter.contentWidth == 468)
    }
}

/// External reports hide counts of 1 to 10; internal ones show them.
@Suite("small-cell suppression in report tables")
struct ReportPrivacyTests {
    /// An external report printing `counts` (by name), decided once.
    static func decided(_ counts: [(String, Int)], relate: [(String, [String])] = []) -> Privacy {
        let privacy = Privacy(external: true, inputs: ReportBuilderTests.inputs())
        for (name, value) in counts { _ = privacy.count(.named(name), value) }
        for (total, parts) in relate { privacy.relate(total: .named(total), parts: parts.map { .named($0) }) }
        privacy.disclosure.protect()
        return privacy
    }

    @Test(arguments: [(7, "<11"), (0, "0"), (10, "<11"), (11, "11"), (1234, "1,234")])
    func externalCounts(count: Int, shown: String) {
        #expect(Self.decided([("x", count)]).count(.named("x"), count) == shown)
    }

    @Test func internalReportsShowSmallCounts() {
        let privacy = Privacy(external: false, inputs: ReportBuilderTests.inputs())
        #expect(privacy.count(.named("x"), 7) == "7")
        #expect(privacy.rate(.named("n"), .named("d"), 3, 7).text == "42.9%")
    }

    @Test func externalRatesWithAWithheldCountAreWithheld() {
        // 3 of 40 and 20 of 40: the 3 is <11; nothing relates it to a shown count
        let privacy = Self.decided([("n", 3), ("d", 40), ("m", 20)], relate: [("d", ["n"]), ("d", ["m"])])
        #expect(privacy.rate(.named("n"), .named("d"), 3, 40).text == "withheld")
        #expect(privacy.rate(.named("n"), .named("d"), 3, 40).detail == "<11 of 40")
        #expect(privacy.rate(.named("m"), .named("d"), 20, 40).text == "50.0%")
        #expect(privacy.chartCount(.named("n"), 3) == .suppressed)
    }

    @Test func aFigureWithheldToProtectAnotherReadsSuppressed() {
        // A total of 30 shown with parts 4 and 26: 4 is <11; 30 - 26 would give it back, so the
        // 26 is withheld too, printed "suppressed" (not "<11": it is 11 or more)
        let privacy = Self.decided([("all", 30), ("a", 4), ("b", 26)], relate: [("all", ["a", "b"])])
        #expect(privacy.count(.named("a"), 4) == "<11")
        #expect(privacy.count(.named("b"), 26) == "suppressed")
        #expect(privacy.count(.named("all"), 30) == "30")
        #expect(privacy.chartCount(.named("b"), 26) == .complementary)
    }
}
