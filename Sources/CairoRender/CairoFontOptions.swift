import CCairo

/// Owns one `cairo_font_options_t`: unhinted metrics and grey antialiasing, so that text measures
/// the same on every surface and at every scale.
final class CairoFontOptions {
    let pointer: OpaquePointer

    init() throws {
        guard let pointer = cairo_font_options_create() else {
            throw CairoError(operation: "cairo_font_options_create", message: "no font options")
        }
        let status = cairo_font_options_status(pointer)
        guard status == CAIRO_STATUS_SUCCESS else {
            cairo_font_options_destroy(pointer)
            throw CairoError(operation: "cairo_font_options_create", status: status)
        }
        cairo_font_options_set_hint_metrics(pointer, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(pointer, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_antialias(pointer, CAIRO_ANTIALIAS_GRAY)
        self.pointer = pointer
    }

    deinit {
        cairo_font_options_destroy(pointer)
    }
}
