import CCairo
import Charts
import Foundation
import Testing
@testable import CairoRender

/// A line kept shaped by `ShapedLines` draws exactly as a layout made and shaped anew for each
/// line in a context updated from the target (how lines were drawn before), whether it is drawn
/// again, drawn after a rotated line, measured first, or made again after the lines were let go;
/// and a measurement never depends on what was drawn before it.
@Suite("Shaped lines kept for measuring and drawing")
struct ShapedLinesTests {
    /// Repeats, and every third line rotated a quarter turn.
    static let texts = ["Attendance", "No-show rate", "Attendance (%)", "Attendance", "PHQ-9 reliable improvement",
                        "No-show rate", "Attendance", "GAD-7", "Attendance (%)", "No-show rate", "Attendance"]
    static let anchors = [TextAnchor(.start, .baseline), TextAnchor(.middle, .middle), TextAnchor(.end, .top)]

    static func font(_ index: Int) -> ChartFont {
        ChartFont(size: 9 + Double(index % 2), weight: index % 4 == 3 ? .bold : .regular)
    }

    /// A layout of `text` in `font` made anew in a context of its own, updated from `cairo` when
    /// given (never updated otherwise), and its extent.
    static func freshLine(_ text: String, font: ChartFont, following cairo: OpaquePointer?) throws
        -> (context: PangoFontContext, layout: OpaquePointer, metrics: TextMetrics) {
        let context = try PangoFontContext.drawing()
        let description = try PangoFontDescription(font)
        return try PangoFontContext.lock.withLock {
            if let cairo { pango_cairo_update_context(cairo, context.pointer) }
            let layout = try #require(pango_layout_new(context.pointer))
            pango_layout_set_font_description(layout, description.pointer)
            pango_layout_set_text(layout, text, -1)
            return (context, layout, PangoTextLayout.metrics(of: layout))
        }
    }

    /// `texts` drawn down an image at alternating anchors, each line measured first when
    /// `measuring`, through `lines` or, when nil, through a layout made anew for each line;
    /// the PNG bytes.
    func drawing(_ lines: ShapedLines?, measuring: Bool = false) throws -> Data {
        let surface = try CairoSurface.image(width: 240, height: 200)
        let context = try CairoContext(surface: surface)
        for (index, text) in Self.texts.enumerated() {
            let cr = context.pointer
            let font = Self.font(index)
            if measuring { _ = try lines?.metrics(text, font: font) }
            cairo_save(cr)
            cairo_translate(cr, 20 + Double(index % 3) * 90, 14 + Double(index) * 16)
            if index % 3 == 2 { cairo_rotate(cr, -.pi / 2) }
            cairo_set_source_rgba(cr, 0, 0, 0, 1)
            if let lines {
                try lines.show(text, font: font, anchor: Self.anchors[index % 3], on: cr)
            } else {
                let fresh = try Self.freshLine(text, font: font, following: cr)
                PangoFontContext.lock.withLock {
                    let corner = Self.anchors[index % 3].offset(for: fresh.metrics)
                    cairo_move_to(cr, corner.x, corner.y)
                    pango_cairo_show_layout(cr, fresh.layout)
                    g_object_unref(UnsafeMutableRawPointer(fresh.layout))
                }
            }
            cairo_restore(cr)
        }
        cairo_surface_flush(surface.pointer)
        return try surface.pngData()
    }

    @Test func keptLinesDrawAsLinesShapedAnew() throws {
        let anew = try drawing(nil)
        // every line kept; two kept at a time (lines let go and made again); one at a time
        #expect(try drawing(ShapedLines()) == anew)
        #expect(try drawing(ShapedLines(capacity: 2)) == anew)
        #expect(try drawing(ShapedLines(capacity: 1)) == anew)
        // each line measured (in the PDF state) before it is drawn on the image, upright or rotated
        #expect(try drawing(ShapedLines(), measuring: true) == anew)
        #expect(try drawing(ShapedLines(capacity: 1), measuring: true) == anew)
        // and something was drawn
        #expect(anew.count > 1_000)
    }

    @Test func measurementsDoNotDependOnWhatWasDrawn() throws {
        let lines = try ShapedLines()
        // As the measurer measured before lines were kept: a layout of its own in a context never
        // updated from a target.
        let expected = try Self.texts.indices.map { index in
            let fresh = try Self.freshLine(Self.texts[index], font: Self.font(index), following: nil)
            PangoFontContext.lock.withLock { g_object_unref(UnsafeMutableRawPointer(fresh.layout)) }
            return fresh.metrics
        }
        let before = try Self.texts.indices.map { try lines.metrics(Self.texts[$0], font: Self.font($0)) }
        _ = try drawing(lines)  // rotated and upright lines on a raster target
        let after = try Self.texts.indices.map { try lines.metrics(Self.texts[$0], font: Self.font($0)) }
        #expect(before == expected)
        #expect(after == expected)
        #expect(expected[4].width > expected[7].width)  // "PHQ-9 reliable improvement" is wider than "GAD-7"
    }

    @Test func aPDFPageDrawsTheMeasuredLinesWithoutNewStates() throws {
        let lines = try ShapedLines()
        _ = try lines.metrics("Attendance", font: ChartFont(size: 9))
        #expect(lines.stateCount == 1)
        let surface = try CairoSurface.pdf(size: Size(width: 100, height: 100), metadata: PDFMetadata(title: "t"))
        let context = try CairoContext(surface: surface)
        try lines.show("Attendance", font: ChartFont(size: 9), anchor: Self.anchors[0], on: context.pointer)
        #expect(lines.stateCount == 1)  // the page's state is the measuring state
        cairo_rotate(context.pointer, -.pi / 2)
        try lines.show("Attendance", font: ChartFont(size: 9), anchor: Self.anchors[0], on: context.pointer)
        #expect(lines.stateCount == 2)  // a rotated run has a state of its own
    }
}
