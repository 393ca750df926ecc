import CCairo
import Foundation

/// Owns a Pango context made from the process-wide font map.
///
/// Every measurer and drawing backend has its own context but all share one font map (making a font
/// map costs milliseconds); `PangoFontContext.lock` serialises all Pango work, so a document made on
/// one thread may be drawn on another.
final class PangoFontContext {
    let pointer: OpaquePointer

    /// Held around every Pango call that lays out, measures or shows text. Recursive: `ShapedLines`
    /// makes and lets go of contexts while it holds it.
    static let lock = NSRecursiveLock()

    init() throws {
        guard let fontMap = SharedFontMap.shared.pointer else {
            throw CairoError(operation: "pango_cairo_font_map_new", message: "no font map")
        }
        guard let context = Self.lock.withLock({ pango_font_map_create_context(fontMap) }) else {
            throw CairoError(operation: "pango_font_map_create_context", message: "no context")
        }
        self.pointer = context
    }

    /// A context set up to lay text out as it is drawn: the font options of `CairoFontOptions`
    /// (Pango keeps a copy) and unrounded glyph positions.
    static func drawing() throws -> PangoFontContext {
        let context = try PangoFontContext()
        let options = try CairoFontOptions()
        lock.withLock {
            pango_cairo_context_set_font_options(context.pointer, options.pointer)
            pango_context_set_round_glyph_positions(context.pointer, 0)
        }
        return context
    }

    deinit {
        Self.lock.withLock { g_object_unref(UnsafeMutableRawPointer(pointer)) }
    }
}

/// The one font map of the process, made on first use and kept for its lifetime.
private final class SharedFontMap: @unchecked Sendable {
    static let shared = SharedFontMap()
    let pointer: UnsafeMutablePointer<PangoFontMap>?

    private init() {
        pointer = pango_cairo_font_map_new()
    }
}
