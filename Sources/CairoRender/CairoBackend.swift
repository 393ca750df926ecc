import CCairo
import Charts
import Foundation

/// Draws on a Cairo context: paths, clips and Pango text.
final class CairoBackend: DrawingBackend {
    let context: CairoContext
    /// Paragraphs, and the paragraph heights that `paragraphHeight` measures.
    private let text: PangoTextLayout
    /// Single lines (`drawText`), shaped once for every time they are measured and drawn.
    private let lines: ShapedLines
    /// Raster output: align straight lines to the pixel grid and keep them at least one pixel wide.
    private let snapsToPixels: Bool

    init(context: CairoContext, snapsToPixels: Bool) throws {
        self.context = context
        self.text = try PangoTextLayout()
        self.lines = try ShapedLines.shared.get()
        self.snapsToPixels = snapsToPixels
        cairo_set_line_join(context.pointer, CAIRO_LINE_JOIN_ROUND)
        cairo_set_line_cap(context.pointer, CAIRO_LINE_CAP_BUTT)
    }

    private var cr: OpaquePointer { context.pointer }

    func save() { cairo_save(cr) }
    func restore() { cairo_restore(cr) }

    func translate(by offset: Point) {
        cairo_translate(cr, offset.x, offset.y)
    }

    func clip(to rect: Rect) {
        cairo_new_path(cr)
        cairo_rectangle(cr, rect.x, rect.y, rect.width, rect.height)
        cairo_clip(cr)
    }

    func fill(_ path: [PathElement], color: ChartColor) {
        trace(path)
        setSource(color)
        cairo_fill(cr)
    }

    func stroke(_ path: [PathElement], style: StrokeStyle) {
        var width = style.width
        var elements = path
        if snapsToPixels {
            let snapped = PixelSnapping(context: cr).snap(path, width: style.width)
            elements = snapped.path
            width = snapped.width
        }
        trace(elements)
        setSource(style.color)
        cairo_set_line_width(cr, width)
        style.dash.withUnsafeBufferPointer { dashes in
            cairo_set_dash(cr, dashes.baseAddress, Int32(dashes.count), 0)
        }
        cairo_stroke(cr)
    }

    func drawText(_ run: TextRun) {
        cairo_save(cr)
        defer { cairo_restore(cr) }
        cairo_translate(cr, run.position.x, run.position.y)
        if run.rotation != 0 { cairo_rotate(cr, run.rotation * .pi / 180) }
        setSource(run.color)
        try? lines.show(run.text, font: run.font, anchor: run.anchor, on: cr)
    }

    /// Draws `paragraph` wrapped to `width` with its top-left at `origin`; returns its height.
    func drawParagraph(_ paragraph: String, at origin: Point, width: Double, style: TextStyle) -> Double {
        text.follow(cr)
        guard let metrics = try? text.setParagraph(paragraph, font: style.font, width: width,
                                                   alignment: style.alignment.pango, lineSpacing: style.lineSpacing) else { return 0 }
        cairo_save(cr)
        cairo_move_to(cr, origin.x, origin.y)
        setSource(style.color)
        text.show(on: cr)
        cairo_restore(cr)
        return metrics.height
    }

    /// Height `paragraph` would take wrapped to `width`, without drawing it.
    func paragraphHeight(_ paragraph: String, width: Double, style: TextStyle) -> Double {
        let metrics = try? text.setParagraph(paragraph, font: style.font, width: width,
                                             alignment: style.alignment.pango, lineSpacing: style.lineSpacing)
        return metrics?.height ?? 0
    }

    private func setSource(_ color: ChartColor) {
        cairo_set_source_rgba(cr, color.red, color.green, color.blue, color.alpha)
    }

    private func trace(_ path: [PathElement]) {
        cairo_new_path(cr)
        for element in path {
            switch element {
            case .move(let p): cairo_move_to(cr, p.x, p.y)
            case .line(let p): cairo_line_to(cr, p.x, p.y)
            case .circle(let c, let r):
                cairo_new_sub_path(cr)
                cairo_arc(cr, c.x, c.y, r, 0, 2 * .pi)
                cairo_close_path(cr)
            case .close: cairo_close_path(cr)
            }
        }
    }
}
