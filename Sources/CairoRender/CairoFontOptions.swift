import CCairo

/// Owns one `cairo_font_options_t`. The options text is drawn with (`init()`): unhinted metrics
/// and grey antialiasing, so that text measures the same on every surface and at every scale.
final class CairoFontOptions {
    let pointer: OpaquePointer

    /// The options text is drawn with.
    convenience init() throws {
        try self.init(copying: nil)
        cairo_font_options_set_hint_metrics(pointer, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(pointer, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_antialias(pointer, CAIRO_ANTIALIAS_GRAY)
    }

    /// A copy of `other`'s options, or options with every field left to the default when nil
    /// (to be set, or filled by `cairo_surface_get_font_options`).
    init(copying other: CairoFontOptions?) throws {
        let operation = other == nil ? "cairo_font_options_create" : "cairo_font_options_copy"
        guard let pointer = other.map({ cairo_font_options_copy($0.pointer) }) ?? cairo_font_options_create() else {
            throw CairoError(operation: operation, message: "no font options")
        }
        let status = cairo_font_options_status(pointer)
        guard status == CAIRO_STATUS_SUCCESS else {
            cairo_font_options_destroy(pointer)
            throw CairoError(operation: operation, status: status)
        }
        self.pointer = pointer
    }

    deinit {
        cairo_font_options_destroy(pointer)
    }
}
