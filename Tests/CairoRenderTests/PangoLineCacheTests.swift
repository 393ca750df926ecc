import CCairo
import Charts
import Foundation
import Testing
@testable import CairoRender

/// A line kept shaped by `PangoLineCache` draws exactly as one `PangoTextLayout` set and shaped for
/// each line (how lines were drawn before, and paragraphs still are), whether it is drawn again,
/// drawn after a rotated line changed the context, or made again after the cache let it go.
@Suite("Shaped lines kept for drawing again")
struct PangoLineCacheTests {
    /// Repeats, and every third line rotated a quarter turn (the context changes and changes back).
    static let texts = ["Attendance", "No-show rate", "Attendance (%)", "Attendance", "PHQ-9 reliable improvement",
                        "No-show rate", "Attendance", "GAD-7", "Attendance (%)", "No-show rate", "Attendance"]

    /// `texts` drawn down an image at alternating anchors, through one cache of `capacity` lines
    /// or, when `capacity` is nil, through one `PangoTextLayout` set for each line; the PNG bytes.
    func drawing(capacity: Int?) throws -> Data {
        let surface = try CairoSurface.image(width: 240, height: 200)
        let context = try CairoContext(surface: surface)
        let cache = try capacity.map { try PangoLineCache(capacity: $0) }
        let layout = try PangoTextLayout()
        let anchors = [TextAnchor(.start, .baseline), TextAnchor(.middle, .middle), TextAnchor(.end, .top)]
        for (index, text) in Self.texts.enumerated() {
            let cr = context.pointer
            cairo_save(cr)
            cairo_translate(cr, 20 + Double(index % 3) * 90, 14 + Double(index) * 16)
            if index % 3 == 2 { cairo_rotate(cr, -.pi / 2) }
            cairo_set_source_rgba(cr, 0, 0, 0, 1)
            let font = ChartFont(size: 9 + Double(index % 2))
            if let cache {
                try cache.show(text, font: font, anchor: anchors[index % 3], on: cr)
            } else {
                layout.follow(cr)
                let corner = anchors[index % 3].offset(for: try layout.setLine(text, font: font))
                cairo_move_to(cr, corner.x, corner.y)
                layout.show(on: cr)
            }
            cairo_restore(cr)
        }
        cairo_surface_flush(surface.pointer)
        return try surface.pngData()
    }

    @Test func keptLinesDrawAsLinesShapedAnew() throws {
        let anew = try drawing(capacity: nil)  // one layout, set and shaped for every line
        // every line kept; two kept at a time (lines let go and made again); one at a time
        #expect(try drawing(capacity: 1_024) == anew)
        #expect(try drawing(capacity: 2) == anew)
        #expect(try drawing(capacity: 1) == anew)
        // and something was drawn
        #expect(anew.count > 1_000)
    }
}
