import CairoRender
import Charts
import Foundation
import OutcomesTestSupport
import Testing

/// The same chart gives the same bytes, every time and within one process.
struct DeterminismTests {
    static let formats: [RenderFormat] = [.pdf, .svg, .png(scale: 1), .png(scale: 2)]

    @Test(arguments: formats)
    func renderingTwiceGivesIdenticalBytes(format: RenderFormat) throws {
        // Given two charts, so that process-wide counters move between renders
        let measurer = try PangoTextMeasurer()
        let first = Chart.build(ChartFixtures.pChart(), size: .fullWidth, measurer: measurer)
        let other = Chart.build(ChartFixtures.kaplanMeier(), size: .halfWidth, measurer: measurer)
        let renderer = CairoRenderer()
        // When
        let a = try renderer.render(first, as: format)
        _ = try renderer.render(other, as: format)
        let b = try renderer.render(first, as: format)
        // Then
        #expect(a == b)
    }

    @Test func aMultiPageDocumentIsReproducible() throws {
        func document() throws -> Data {
            let measurer = try PangoTextMeasurer()
            let pdf = try PDFDocument(pageSize: PDFDocument.letter, metadata: PDFMetadata(title: "Monthly report", date: "2026-10-31T00:00:00Z"))
            for spec in ChartGallery.specs().prefix(3).map(\.spec) {
                let page = try pdf.beginPage()
                page.draw(Chart.build(spec, size: .fullWidth, measurer: measurer), at: Point(x: 72, y: 72))
            }
            return try pdf.finish()
        }
        #expect(try document() == document())
    }

    @Test func pdfDatesComeFromSourceDateEpoch() {
        #expect(PDFMetadata.reproducibleDate(environment: ["SOURCE_DATE_EPOCH": "1793404800"]) == "2026-10-31T00:00:00Z")
        #expect(PDFMetadata.reproducibleDate(environment: [:]) == "2000-01-01T00:00:00Z")
    }

    @Test func pdfCarriesTheFixedDateAndNoCurrentTime() throws {
        let scene = Chart.build(ChartFixtures.pChart(), size: .fullWidth, measurer: try PangoTextMeasurer())
        let pdf = try CairoRenderer(metadata: PDFMetadata(date: "2026-10-31T00:00:00Z")).render(scene, as: .pdf)
        let text = String(decoding: pdf, as: UTF8.self)
        // cairo 1.16 writes the date without the "D:" prefix; readers accept both.
        #expect(text.contains("/CreationDate (20261031000000Z)") || text.contains("/CreationDate (D:20261031000000"))
        #expect(text.contains("/ModDate (20261031000000Z)") || text.contains("/ModDate (D:20261031000000"))
        // cairo 1.16 writes no object streams, so every object is in plain sight and in a fixed order.
        #expect(!text.contains("/ObjStm"))
    }
}

/// Renders from several threads at once give the same bytes as one at a time.
struct ConcurrencyTests {
    @Test func parallelRendersMatchSequentialOnes() async throws {
        let specs = ChartGallery.specs().map(\.spec)
        let measurer = try PangoTextMeasurer()
        let sequential = try specs.map { try CairoRenderer().render(Chart.build($0, size: .halfWidth, measurer: measurer), as: .svg) }
        let parallel = try await withThrowingTaskGroup(of: (Int, Data).self) { group in
            for (i, spec) in specs.enumerated() {
                group.addTask {
                    (i, try CairoRenderer().render(Chart.build(spec, size: .halfWidth, measurer: measurer), as: .svg))
                }
            }
            var results = [Data](repeating: Data(), count: specs.count)
            for try await (i, data) in group { results[i] = data }
            return results
        }
        #expect(parallel == sequential)
    }
}
