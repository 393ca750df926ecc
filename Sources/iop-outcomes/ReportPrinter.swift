import CairoRender
import Charts
import Foundation
import OutcomesCore
import OutcomesReports

/// Prints a laid-out report with Cairo: every page scene onto one PDF, every chart as SVG.
enum ReportPrinter {
    /// The PDF of every page; `pageDrawn` hears the number of pages drawn after each one.
    static func pdf(_ document: ReportDocument, metadata: PDFMetadata,
                    pageDrawn: (Int) -> Void = { _ in }) throws -> Data {
        let pdf = try PDFDocument(pageSize: document.setup.size, metadata: metadata)
        for (index, page) in document.pages.enumerated() {
            let canvas = try pdf.beginPage()
            canvas.draw(page, at: Point(x: 0, y: 0))
            try pdf.endPage()
            pageDrawn(index + 1)
        }
        return try pdf.finish()
    }

    /// Writes each chart as `<stem>-NN-name.svg` into `directory`, each through `AtomicFile`; returns the paths.
    static func svgs(_ document: ReportDocument, stem: String, to directory: String,
                     access: AtomicFile.Access) throws -> [String] {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let renderer = CairoRenderer()
        return try document.charts.map { chart in
            let path = (directory as NSString).appendingPathComponent("\(stem)-\(chart.name).svg")
            try AtomicFile.write(try renderer.render(chart.scene, as: .svg), to: path, access: access)
            return path
        }
    }
}
