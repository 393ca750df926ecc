import CCairo
import Charts
import Foundation

/// Measures text with Pango in DejaVu Sans, exactly as `CairoRenderer` will draw it.
///
/// Each text is measured once (its metrics kept) as one line of the process's `ShapedLines`, which
/// keeps it shaped for drawing. Safe to share between threads: the kept metrics are behind a lock
/// of their own, and Pango calls behind `PangoFontContext.lock`.
public final class PangoTextMeasurer: TextMeasuring, @unchecked Sendable {
    private let lines: ShapedLines
    private let lock = NSLock()
    private var cache: [CacheKey: TextMetrics] = [:]

    private struct CacheKey: Hashable {
        var text: String
        var font: ChartFont
    }

    public init() throws {
        lines = try ShapedLines.shared.get()
    }

    public func measure(_ text: String, font: ChartFont) -> TextMetrics {
        lock.lock()
        defer { lock.unlock() }
        let key = CacheKey(text: text, font: font)
        if let known = cache[key] { return known }
        // A font description or layout that cannot be made: an estimate.
        guard let metrics = try? lines.metrics(text, font: font) else {
            return TextMetrics(width: Double(text.count) * font.size * 0.6, ascent: font.size * 0.93, descent: font.size * 0.24)
        }
        cache[key] = metrics
        return metrics
    }
}
