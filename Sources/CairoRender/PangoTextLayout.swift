import CCairo
import Charts

/// Owns one `PangoLayout` reused for every run of text: sets font and text, measures, shows.
final class PangoTextLayout {
    let pointer: OpaquePointer
    private var fonts = PangoFontDescriptions()

    /// Keeps the font map and context the layout was made in alive.
    private let fontContext: PangoFontContext

    /// A layout in its own Pango context; `pango_cairo_update_layout` ties it to a surface before showing.
    init() throws {
        let context = try PangoFontContext.drawing()
        guard let pointer = PangoFontContext.lock.withLock({ pango_layout_new(context.pointer) }) else {
            throw CairoError(operation: "pango_layout_new", message: "no layout")
        }
        self.fontContext = context
        self.pointer = pointer
    }

    deinit {
        PangoFontContext.lock.withLock { g_object_unref(UnsafeMutableRawPointer(pointer)) }
    }

    /// Sets `text` wrapped at word boundaries to `width` points and returns its extent.
    func setParagraph(_ text: String, font: ChartFont, width: Double, alignment: PangoAlignment, lineSpacing: Double) throws -> TextMetrics {
        let description = try fonts.description(font)
        return PangoFontContext.lock.withLock {
            pango_layout_set_font_description(pointer, description.pointer)
            pango_layout_set_width(pointer, Int32((width * Double(PANGO_SCALE)).rounded(.down)))
            pango_layout_set_wrap(pointer, PANGO_WRAP_WORD_CHAR)
            pango_layout_set_alignment(pointer, alignment)
            pango_layout_set_spacing(pointer, Int32((lineSpacing * Double(PANGO_SCALE)).rounded()))
            pango_layout_set_text(pointer, text, -1)
            return metrics
        }
    }

    /// Ties the layout to the current transform and target of `cairo`. Called before setting the text to show
    /// there, so that it is shaped once: updating after setting would shape it again whenever the transform moved.
    func follow(_ cairo: OpaquePointer) {
        PangoFontContext.lock.withLock { pango_cairo_update_layout(cairo, pointer) }
    }

    /// Shows what is set at the current point of `cairo`, which the layout `follow`s.
    func show(on cairo: OpaquePointer) {
        PangoFontContext.lock.withLock { pango_cairo_show_layout(cairo, pointer) }
    }

    /// Logical extent of what is set. Call under the lock.
    private var metrics: TextMetrics { Self.metrics(of: pointer) }

    /// Logical extent of what `layout` has set: width, ascent (baseline of the first line) and the
    /// rest. Call under the lock.
    static func metrics(of layout: OpaquePointer) -> TextMetrics {
        var logical = PangoRectangle()
        pango_layout_get_extents(layout, nil, &logical)
        let scale = Double(PANGO_SCALE)
        let height = Double(logical.height) / scale
        let baseline = Double(pango_layout_get_baseline(layout)) / scale
        return TextMetrics(width: Double(logical.width) / scale, ascent: baseline, descent: height - baseline)
    }
}
