import CCairo
import Charts

/// Single lines of text shaped for showing, kept by text and font so that a text drawn again
/// (a table's repeated cells, a page's running header) is not shaped again.
///
/// Every line is a `PangoLayout` of one context. Pango shapes a layout again whenever its context
/// changes, and `pango_cairo_update_context` changes it on every call (it sets the context's
/// matrix, which bumps the context's serial even when the matrix is the same), so the cache
/// updates the context only when what Pango reads from the target differs from the last time:
/// the target surface, or the transform without its translation (which Pango drops). A rotated
/// run therefore makes the kept lines shape again when next used, and a kept line always draws
/// as a new one would. At `capacity` lines the cache lets every line go and starts again.
final class PangoLineCache {
    /// A shaped line and the font it was shaped in.
    private struct Key: Hashable {
        var text: String
        var font: ChartFont
    }

    /// What the context was last updated from: a target and the linear part of its transform.
    private struct Followed: Equatable {
        var target: OpaquePointer
        var xx, yx, xy, yy: Double
    }

    private let fontContext: PangoFontContext
    private var fonts = PangoFontDescriptions()
    private var lines: [Key: OpaquePointer] = [:]
    private var followed: Followed?
    private let capacity: Int

    /// A cache of at most `capacity` lines, in its own Pango context set up as `PangoTextLayout`'s.
    init(capacity: Int = 1_024) throws {
        fontContext = try PangoFontContext.drawing()
        self.capacity = capacity
    }

    deinit { removeAll() }

    /// Shows `text` in `font` as one line on `cairo`, its top-left corner placed for `anchor` at
    /// the origin of the current transform.
    func show(_ text: String, font: ChartFont, anchor: TextAnchor, on cairo: OpaquePointer) throws {
        let line = try layout(text, font: font)
        PangoFontContext.lock.withLock {
            follow(cairo)
            let corner = anchor.offset(for: PangoTextLayout.metrics(of: line))
            cairo_move_to(cairo, corner.x, corner.y)
            pango_cairo_show_layout(cairo, line)
        }
    }

    /// Updates the context from `cairo` when its target or the linear part of its transform
    /// changed since the last update. Call under the lock.
    private func follow(_ cairo: OpaquePointer) {
        var matrix = cairo_matrix_t()
        cairo_get_matrix(cairo, &matrix)
        guard let target = cairo_get_target(cairo) else { return }
        let now = Followed(target: target, xx: matrix.xx, yx: matrix.yx, xy: matrix.xy, yy: matrix.yy)
        guard now != followed else { return }
        pango_cairo_update_context(cairo, fontContext.pointer)
        followed = now
    }

    /// The kept layout of `text` in `font`, made (not yet shaped) when new.
    private func layout(_ text: String, font: ChartFont) throws -> OpaquePointer {
        let key = Key(text: text, font: font)
        if let kept = lines[key] { return kept }
        if lines.count >= capacity { removeAll() }
        let description = try fonts.description(font)
        guard let made = PangoFontContext.lock.withLock({ () -> OpaquePointer? in
            guard let layout = pango_layout_new(fontContext.pointer) else { return nil }
            pango_layout_set_font_description(layout, description.pointer)
            pango_layout_set_text(layout, text, -1)
            return layout
        }) else { throw CairoError(operation: "pango_layout_new", message: "no layout") }
        lines[key] = made
        return made
    }

    private func removeAll() {
        PangoFontContext.lock.withLock {
            for layout in lines.values { g_object_unref(UnsafeMutableRawPointer(layout)) }
        }
        lines.removeAll(keepingCapacity: true)
    }
}
