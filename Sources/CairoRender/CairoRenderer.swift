import CCairo
import Charts
import Foundation

/// Paints Scenes onto PDF, SVG and PNG through one drawing path. It computes nothing: layout is `Chart.build`'s job.
public struct CairoRenderer: Sendable {
    public var metadata: PDFMetadata

    public init(metadata: PDFMetadata = PDFMetadata()) {
        self.metadata = metadata
    }

    /// `scene` encoded as `format`.
    public func render(_ scene: Scene, as format: RenderFormat) throws -> Data {
        try renderPage(size: scene.size, as: format) { $0.draw(scene, at: Point(x: 0, y: 0)) }
    }

    /// Draws one page of `size` with `body` and encodes it: a PDF page, an SVG, or a PNG at the format's scale.
    public func renderPage(size: Size, as format: RenderFormat, _ body: (PageCanvas) throws -> Void) throws -> Data {
        switch format {
        case .pdf:
            let document = try PDFDocument(pageSize: size, metadata: metadata)
            try body(try document.beginPage())
            return try document.finish()
        case .svg:
            let surface = try CairoSurface.svg(size: size)
            try draw(on: surface, size: size, snapsToPixels: false, body)
            try surface.finish()
            return Data(SVGIdNormalizer.normalize([UInt8](surface.sink?.data ?? Data())))
        case .png(let scale):
            let surface = try CairoSurface.image(width: Int((size.width * scale).rounded(.up)), height: Int((size.height * scale).rounded(.up)))
            try draw(on: surface, size: size, snapsToPixels: true, background: .white, scale: scale, body)
            cairo_surface_flush(surface.pointer)
            return try surface.pngData()
        }
    }

    private func draw(
        on surface: CairoSurface, size: Size, snapsToPixels: Bool, background: ChartColor? = nil, scale: Double = 1,
        _ body: (PageCanvas) throws -> Void
    ) throws {
        let context = try CairoContext(surface: surface)
        if let background {
            cairo_set_source_rgba(context.pointer, background.red, background.green, background.blue, background.alpha)
            cairo_paint(context.pointer)
        }
        cairo_scale(context.pointer, scale, scale)
        let backend = try CairoBackend(context: context, snapsToPixels: snapsToPixels)
        try body(PageCanvas(size: size, backend: backend))
        try context.check("drawing")
    }
}
