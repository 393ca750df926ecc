import CCairo

/// Owns a private Pango font map and context, for measuring text away from any surface.
final class PangoMeasuringContext {
    let fontMap: UnsafeMutablePointer<PangoFontMap>
    let pointer: OpaquePointer

    init() throws {
        guard let fontMap = pango_cairo_font_map_new() else {
            throw CairoError(operation: "pango_cairo_font_map_new", message: "no font map")
        }
        guard let context = pango_font_map_create_context(fontMap) else {
            g_object_unref(UnsafeMutableRawPointer(fontMap))
            throw CairoError(operation: "pango_font_map_create_context", message: "no context")
        }
        self.fontMap = fontMap
        self.pointer = context
    }

    deinit {
        g_object_unref(UnsafeMutableRawPointer(pointer))
        g_object_unref(UnsafeMutableRawPointer(fontMap))
    }
}
