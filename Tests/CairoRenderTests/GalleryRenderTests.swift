import CairoRender
import Charts
import Foundation
import OutcomesTestSupport
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Renders every gallery chart at full and half width to every format; with `CHART_GALLERY_DIR` set, writes the PNGs there to look at.
@Suite struct GalleryRenderTests {
    static let sizes: [(String, Size)] = [("full", .fullWidth), ("half", .halfWidth)]

    @Test(arguments: ChartGallery.specs().map(\.name))
    func rendersEveryKindToEveryFormat(name: String) throws {
        // Given
        let spec = try #require(ChartGallery.specs().first { $0.name == name }?.spec)
        let measurer = try PangoTextMeasurer()
        let renderer = CairoRenderer()
        let directory = ProcessInfo.processInfo.environment["CHART_GALLERY_DIR"].map { URL(fileURLWithPath: $0) }
        for (label, size) in Self.sizes {
            // When
            let scene = Chart.build(spec, size: size, measurer: measurer)
            let png = try renderer.render(scene, as: .png(scale: 2))
            let pdf = try renderer.render(scene, as: .pdf)
            let svg = try renderer.render(scene, as: .svg)
            // Then
            #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
            #expect(pdf.starts(with: Array("%PDF-".utf8)))
            #expect(XMLParser(data: svg).parse())
            // Measured with the real font, labels still never overlap or leave the chart.
            #expect(ChartLabelOverlap.overlappingPairs(in: scene).map { "\($0.0.text) × \($0.1.text)" } == [], "\(label)")
            #expect(ChartLabelOverlap.labelsOutside(scene).map(\.text) == [], "\(label)")
            if let directory {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                try png.write(to: directory.appendingPathComponent("\(name)-\(label).png"))
                try pdf.write(to: directory.appendingPathComponent("\(name)-\(label).pdf"))
                try svg.write(to: directory.appendingPathComponent("\(name)-\(label).svg"))
            }
        }
    }
}
