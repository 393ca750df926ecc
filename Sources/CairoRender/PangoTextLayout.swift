import CCairo
import Charts

/// Owns one `PangoLayout` reused for every run of text: sets font and text, measures, shows.
final class PangoTextLayout {
    let pointer: OpaquePointer
    private let fontOptions: CairoFontOptions
    private var fonts: [ChartFont: PangoFontDescription] = [:]

    /// A layout that draws on `context`.
    convenience init(drawingOn context: CairoContext) throws {
        try self.init(pango_cairo_create_layout(context.pointer), operation: "pango_cairo_create_layout")
    }

    /// A layout for measuring only, in its own Pango context.
    convenience init(measuringWith pangoContext: PangoMeasuringContext) throws {
        try self.init(pango_layout_new(pangoContext.pointer), operation: "pango_layout_new")
    }

    private init(_ pointer: OpaquePointer?, operation: String) throws {
        guard let pointer else { throw CairoError(operation: operation, message: "no layout") }
        self.pointer = pointer
        self.fontOptions = try CairoFontOptions()
        let context = pango_layout_get_context(pointer)
        pango_cairo_context_set_font_options(context, fontOptions.pointer)
        pango_context_set_round_glyph_positions(context, 0)
        pango_layout_context_changed(pointer)
    }

    deinit {
        g_object_unref(UnsafeMutableRawPointer(pointer))
    }

    /// Prepares one line (no wrapping) of `text` in `font`.
    func setLine(_ text: String, font: ChartFont) throws {
        try setFont(font)
        pango_layout_set_width(pointer, -1)
        pango_layout_set_text(pointer, text, -1)
    }

    /// Prepares `text` wrapped at word boundaries to `width` points.
    func setParagraph(_ text: String, font: ChartFont, width: Double, alignment: PangoAlignment, lineSpacing: Double) throws {
        try setFont(font)
        pango_layout_set_width(pointer, Int32((width * Double(PANGO_SCALE)).rounded(.down)))
        pango_layout_set_wrap(pointer, PANGO_WRAP_WORD_CHAR)
        pango_layout_set_alignment(pointer, alignment)
        pango_layout_set_spacing(pointer, Int32((lineSpacing * Double(PANGO_SCALE)).rounded()))
        pango_layout_set_text(pointer, text, -1)
    }

    private func setFont(_ font: ChartFont) throws {
        let description: PangoFontDescription
        if let cached = fonts[font] {
            description = cached
        } else {
            description = try PangoFontDescription(font)
            fonts[font] = description
        }
        pango_layout_set_font_description(pointer, description.pointer)
    }

    /// Logical extent of what is set: width, ascent (baseline of the first line) and the rest.
    var metrics: TextMetrics {
        var logical = PangoRectangle()
        pango_layout_get_extents(pointer, nil, &logical)
        let scale = Double(PANGO_SCALE)
        let height = Double(logical.height) / scale
        let baseline = Double(pango_layout_get_baseline(pointer)) / scale
        return TextMetrics(width: Double(logical.width) / scale, ascent: baseline, descent: height - baseline)
    }
}
