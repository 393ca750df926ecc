import CCairo
import Charts

/// Single lines of text shaped by Pango and kept by text and font, for measuring and for drawing:
/// a line measured while a report is laid out is drawn without being shaped again, and a text
/// drawn again (a table's repeated cells, a page's running header) is shaped once.
///
/// What Pango shapes with comes from the target a context was updated from: the surface's font
/// options and the transform without its translation. Pango shapes a context's layouts again
/// whenever the context changes, and `pango_cairo_update_context` changes it on every call (it
/// sets the matrix, which bumps the context's serial even when the matrix is the same). So each
/// such state has a context of its own, updated once when first met, with its own kept lines:
/// a rotated axis title does not make the page's other lines shape again. Lines are measured in
/// the state of a PDF surface at scale 1; PDF and SVG pages at scale 1 draw in the same state,
/// so they draw the lines as measured. A kept line always draws as a new one would. At `capacity`
/// lines, or `stateLimit` states, every line is let go.
///
/// Every call holds `PangoFontContext.lock`, so one `ShapedLines` may serve every thread.
final class ShapedLines: @unchecked Sendable {
    /// The lines every measurer and drawing backend of the process share.
    static let shared = Result { try ShapedLines() }

    /// The most states kept (a run rotated by many angles would otherwise add one each).
    static let stateLimit = 16

    /// A shaped line and the font it was shaped in.
    private struct Key: Hashable {
        var text: String
        var font: ChartFont
    }

    /// One state Pango reads from a target (a surface's font options and the linear part of a
    /// transform), its context, and the lines shaped in it.
    private final class State {
        let options: CairoFontOptions
        let matrix: (xx: Double, yx: Double, xy: Double, yy: Double)
        let fontContext: PangoFontContext
        var lines: [Key: OpaquePointer] = [:]

        /// The state of `cairo` (whose target's options are `options`), its context updated from it.
        init(_ cairo: OpaquePointer, options: CairoFontOptions, matrix: cairo_matrix_t) throws {
            self.options = try CairoFontOptions(copying: options)
            self.matrix = (matrix.xx, matrix.yx, matrix.xy, matrix.yy)
            fontContext = try PangoFontContext.drawing()
            pango_cairo_update_context(cairo, fontContext.pointer)
        }

        deinit { letLinesGo() }

        func matches(_ options: CairoFontOptions, _ other: cairo_matrix_t) -> Bool {
            matrix == (other.xx, other.yx, other.xy, other.yy)
                && cairo_font_options_equal(self.options.pointer, options.pointer) != 0
        }

        func letLinesGo() {
            for layout in lines.values { g_object_unref(UnsafeMutableRawPointer(layout)) }
            lines.removeAll(keepingCapacity: true)
        }
    }

    private var fonts = PangoFontDescriptions()
    private var states: [State] = []
    private var lineCount = 0
    private let capacity: Int
    /// A context on a PDF surface that writes nowhere, at scale 1: what lines are measured on.
    private let measuringTarget: CairoContext
    /// The font options of the target being drawn on, read before looking its state up.
    private let targetOptions: CairoFontOptions

    /// At most `capacity` lines.
    init(capacity: Int = 4_096) throws {
        measuringTarget = try CairoContext(surface: try CairoSurface.pdfWritingNowhere())
        targetOptions = try CairoFontOptions(copying: nil)
        self.capacity = capacity
    }

    deinit {
        PangoFontContext.lock.withLock { states.removeAll() }
    }

    /// How many states have a context (the measuring state among them, once a line is measured).
    var stateCount: Int { PangoFontContext.lock.withLock { states.count } }

    /// The extent of `text` in `font` as one line, measured as a PDF page at scale 1 draws it.
    func metrics(_ text: String, font: ChartFont) throws -> TextMetrics {
        try PangoFontContext.lock.withLock {
            PangoTextLayout.metrics(of: try layout(text, font: font, on: measuringTarget.pointer))
        }
    }

    /// Shows `text` in `font` as one line on `cairo`, its top-left corner placed for `anchor` at
    /// the origin of the current transform.
    func show(_ text: String, font: ChartFont, anchor: TextAnchor, on cairo: OpaquePointer) throws {
        try PangoFontContext.lock.withLock {
            let line = try layout(text, font: font, on: cairo)
            let corner = anchor.offset(for: PangoTextLayout.metrics(of: line))
            cairo_move_to(cairo, corner.x, corner.y)
            pango_cairo_show_layout(cairo, line)
        }
    }

    /// The kept layout of `text` in `font` for `cairo`'s state, made (not yet shaped) when new.
    /// Call under the lock, and use the layout before letting it go: another thread may let
    /// every line go.
    private func layout(_ text: String, font: ChartFont, on cairo: OpaquePointer) throws -> OpaquePointer {
        let state = try self.state(of: cairo)
        let key = Key(text: text, font: font)
        if let kept = state.lines[key] { return kept }
        if lineCount >= capacity {
            for state in states { state.letLinesGo() }
            lineCount = 0
        }
        let description = try fonts.description(font)
        guard let made = pango_layout_new(state.fontContext.pointer) else {
            throw CairoError(operation: "pango_layout_new", message: "no layout")
        }
        pango_layout_set_font_description(made, description.pointer)
        pango_layout_set_text(made, text, -1)
        state.lines[key] = made
        lineCount += 1
        return made
    }

    /// The state of `cairo`: its target's font options and the linear part of its transform.
    private func state(of cairo: OpaquePointer) throws -> State {
        var matrix = cairo_matrix_t()
        cairo_get_matrix(cairo, &matrix)
        if let target = cairo_get_target(cairo) { cairo_surface_get_font_options(target, targetOptions.pointer) }
        if let known = states.first(where: { $0.matches(targetOptions, matrix) }) { return known }
        if states.count >= Self.stateLimit {
            states.removeAll()
            lineCount = 0
        }
        let state = try State(cairo, options: targetOptions, matrix: matrix)
        states.append(state)
        return state
    }
}
