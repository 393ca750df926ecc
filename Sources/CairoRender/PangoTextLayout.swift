import CCairo
import Charts

/// Owns one `PangoLayout` reused for every run of text: sets font and text, measures, shows.
final class PangoTextLayout {
    let pointer: OpaquePointer
    private let fontOptions: CairoFontOptions
    private var fonts: [ChartFont: PangoFontDescription] = [:]

    /// Keeps the font map and context the layout was made in alive.
    private let fontContext: PangoFontContext

    /// A layout in its own Pango context; `pango_cairo_update_layout` ties it to a surface before showing.
    init() throws {
        let context = try PangoFontContext()
        guard let pointer = PangoFontContext.lock.withLock({ pango_layout_new(context.pointer) }) else {
            throw CairoError(operation: "pango_layout_new", message: "no layout")
        }
        self.fontContext = context
        self.pointer = pointer
        self.fontOptions = try CairoFontOptions()
        PangoFontContext.lock.withLock {
            let context = pango_layout_get_context(pointer)
            pango_cairo_context_set_font_options(context, fontOptions.pointer)
            pango_context_set_round_glyph_positions(context, 0)
            pango_layout_context_changed(pointer)
        }
    }

    deinit {
        PangoFontContext.lock.withLock { g_object_unref(UnsafeMutableRawPointer(pointer)) }
    }

    /// Sets one line (no wrapping) of `text` in `font` and returns its extent.
    func setLine(_ text: String, font: ChartFont) throws -> TextMetrics {
        let description = try fontDescription(font)
        return PangoFontContext.lock.withLock {
            pango_layout_set_font_description(pointer, description.pointer)
            pango_layout_set_width(pointer, -1)
            pango_layout_set_text(pointer, text, -1)
            return metrics
        }
    }

    /// Sets `text` wrapped at word boundaries to `width` points and returns its extent.
    func setParagraph(_ text: String, font: ChartFont, width: Double, alignment: PangoAlignment, lineSpacing: Double) throws -> TextMetrics {
        let description = try fontDescription(font)
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

    private func fontDescription(_ font: ChartFont) throws -> PangoFontDescription {
        if let cached = fonts[font] { return cached }
        let description = try PangoFontDescription(font)
        fonts[font] = description
        return description
    }

    /// Logical extent of what is set: width, ascent (baseline of the first line) and the rest. Call under the lock.
    private var metrics: TextMetrics {
        var logical = PangoRectangle()
        pango_layout_get_extents(pointer, nil, &logical)
        let scale = Double(PANGO_SCALE)
        let height = Double(logical.height) / scale
        let baseline = Double(pango_layout_get_baseline(pointer)) / scale
        return TextMetrics(width: Double(logical.width) / scale, ascent: baseline, descent: height - baseline)
    }
}
