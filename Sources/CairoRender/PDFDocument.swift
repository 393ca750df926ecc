import CCairo
import Charts
import Foundation

/// A multi-page PDF in memory: `beginPage`, draw on the canvas, `endPage`, then `finish`.
public final class PDFDocument {
    public let pageSize: Size
    public private(set) var pageCount = 0
    private let surface: CairoSurface
    private let context: CairoContext
    private let backend: CairoBackend
    private var openPage: PageCanvas?

    public init(pageSize: Size, metadata: PDFMetadata = PDFMetadata()) throws {
        self.pageSize = pageSize
        surface = try CairoSurface.pdf(size: pageSize, metadata: metadata)
        context = try CairoContext(surface: surface)
        backend = try CairoBackend(context: context, snapsToPixels: false)
    }

    /// US Letter, 612 × 792 pt.
    public static let letter = Size(width: 612, height: 792)

    /// Starts a page (ending any open one) and returns its canvas.
    public func beginPage() throws -> PageCanvas {
        if openPage != nil { try endPage() }
        let canvas = PageCanvas(size: pageSize, backend: backend)
        openPage = canvas
        return canvas
    }

    /// Ends the open page.
    public func endPage() throws {
        guard openPage != nil else { return }
        cairo_show_page(context.pointer)
        try context.check("cairo_show_page")
        openPage = nil
        pageCount += 1
    }

    /// Ends any open page, closes the document and returns its bytes.
    public func finish() throws -> Data {
        try endPage()
        try context.check("drawing")
        try surface.finish()
        return surface.sink?.data ?? Data()
    }
}
