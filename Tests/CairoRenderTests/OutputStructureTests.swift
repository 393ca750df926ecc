import CairoRender
import Charts
import Foundation
import OutcomesTestSupport
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

/// PDF, SVG and PNG output is well formed and the right size.
struct OutputStructureTests {
    let scene: Scene

    init() throws {
        scene = Chart.build(ChartFixtures.pChart(), size: .fullWidth, measurer: try PangoTextMeasurer())
    }

    @Test func pdfHasOnePagePerPageBegun() throws {
        let measurer = try PangoTextMeasurer()
        let pdf = try PDFDocument(pageSize: PDFDocument.letter)
        for _ in 0..<3 {
            let page = try pdf.beginPage()
            page.draw(Chart.build(ChartFixtures.kaplanMeier(), size: .halfWidth, measurer: measurer), at: Point(x: 72, y: 72))
            let height = page.drawText("Attendance held steady at 80% of scheduled sessions; one month stood out.",
                                       in: Rect(x: 72, y: 300, width: 200, height: 200), style: TextStyle(font: ChartFont(size: 10)))
            #expect(height > 20 && height < 60)
        }
        let data = try pdf.finish()
        #expect(pdf.pageCount == 3)
        #expect(data.starts(with: Array("%PDF-".utf8)))
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.components(separatedBy: "/Type /Page\n").count - 1 == 3 || text.contains("/Count 3"))
    }

    @Test func svgParsesAsXMLWithThePointSize() throws {
        let svg = try CairoRenderer().render(scene, as: .svg)
        let parser = XMLParser(data: svg)
        let delegate = RootElement()
        parser.delegate = delegate
        #expect(parser.parse())
        #expect(delegate.name == "svg")
        #expect(delegate.attributes["width"] == "468pt")
        #expect(delegate.attributes["height"] == "260pt")
    }

    @Test(arguments: [1.0, 2.0])
    func pngHasTheSignatureAndPixelSize(scale: Double) throws {
        let png = try CairoRenderer().render(scene, as: .png(scale: scale))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        let bytes = [UInt8](png)
        func word(_ at: Int) -> Int { bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        #expect(word(16) == Int(468 * scale))
        #expect(word(20) == Int(260 * scale))
    }

    @Test func pangoMeasuresDejaVuSans() throws {
        let measurer = try PangoTextMeasurer()
        let small = measurer.measure("Attendance", font: ChartFont(size: 10))
        let large = measurer.measure("Attendance", font: ChartFont(size: 20))
        #expect(small.width > 40 && small.width < 70)
        #expect(abs(large.width - 2 * small.width) < 1)
        #expect(measurer.measure("Attendance", font: ChartFont(size: 10, weight: .bold)).width > small.width)
    }
}

private final class RootElement: NSObject, XMLParserDelegate {
    var name: String?
    var attributes: [String: String] = [:]

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        guard name == nil else { return }
        name = elementName
        attributes = attributeDict
    }
}
