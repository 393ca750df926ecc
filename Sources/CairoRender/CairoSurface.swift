import CCairo
import Charts
import Foundation

/// Owns one `cairo_surface_t`: status checked when made, destroyed when released.
final class CairoSurface {
    let pointer: OpaquePointer
    /// Where a stream surface writes; kept alive as long as the surface.
    let sink: ByteSink?

    private init(_ pointer: OpaquePointer?, sink: ByteSink?, operation: String) throws {
        guard let pointer else { throw CairoError(operation: operation, message: "no surface") }
        let status = cairo_surface_status(pointer)
        guard status == CAIRO_STATUS_SUCCESS else {
            cairo_surface_destroy(pointer)
            throw CairoError(operation: operation, status: status)
        }
        self.pointer = pointer
        self.sink = sink
    }

    deinit {
        cairo_surface_destroy(pointer)
    }

    /// A PDF surface writing into memory, with fixed metadata so that output is reproducible.
    static func pdf(size: Size, metadata: PDFMetadata) throws -> CairoSurface {
        let sink = ByteSink()
        let surface = try CairoSurface(
            cairo_pdf_surface_create_for_stream(ByteSink.write, sink.closure, size.width, size.height),
            sink: sink, operation: "cairo_pdf_surface_create_for_stream")
        surface.setPDFMetadata(metadata)
        try surface.check("cairo_pdf_surface_set_metadata")
        return surface
    }

    /// A one-point PDF surface that writes nowhere: the font options a PDF page sets, for measuring text.
    static func pdfWritingNowhere() throws -> CairoSurface {
        try CairoSurface(cairo_pdf_surface_create_for_stream(nil, nil, 1, 1), sink: nil,
                         operation: "cairo_pdf_surface_create_for_stream")
    }

    /// An SVG surface writing into memory, sized in points.
    static func svg(size: Size) throws -> CairoSurface {
        let sink = ByteSink()
        let surface = try CairoSurface(
            cairo_svg_surface_create_for_stream(ByteSink.write, sink.closure, size.width, size.height),
            sink: sink, operation: "cairo_svg_surface_create_for_stream")
        cairo_svg_surface_set_document_unit(surface.pointer, CAIRO_SVG_UNIT_PT)
        return surface
    }

    /// An ARGB image of whole pixels.
    static func image(width: Int, height: Int) throws -> CairoSurface {
        try CairoSurface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(height)),
                         sink: nil, operation: "cairo_image_surface_create")
    }

    private func setPDFMetadata(_ metadata: PDFMetadata) {
        let fields: [(cairo_pdf_metadata_t, String?)] = [
            (CAIRO_PDF_METADATA_TITLE, metadata.title),
            (CAIRO_PDF_METADATA_AUTHOR, metadata.author),
            (CAIRO_PDF_METADATA_SUBJECT, metadata.subject),
            (CAIRO_PDF_METADATA_CREATOR, metadata.creator),
            (CAIRO_PDF_METADATA_CREATE_DATE, metadata.date),
            (CAIRO_PDF_METADATA_MOD_DATE, metadata.date),
        ]
        for (key, value) in fields {
            if let value { cairo_pdf_surface_set_metadata(pointer, key, value) }
        }
    }

    func check(_ operation: String) throws {
        try CairoError.check(cairo_surface_status(pointer), operation)
    }

    /// Flushes and closes the surface; a stream surface's bytes are complete afterwards.
    func finish() throws {
        cairo_surface_finish(pointer)
        try check("cairo_surface_finish")
    }

    /// The image encoded as PNG.
    func pngData() throws -> Data {
        let sink = ByteSink()
        try CairoError.check(cairo_surface_write_to_png_stream(pointer, ByteSink.write, sink.closure), "cairo_surface_write_to_png_stream")
        return sink.data
    }
}
