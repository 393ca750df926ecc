import CCairo
import Charts
import Foundation

/// Measures text with Pango in DejaVu Sans, exactly as `CairoRenderer` will draw it.
///
/// Safe to share between threads: calls are serialised on a lock around a private Pango context.
public final class PangoTextMeasurer: TextMeasuring, @unchecked Sendable {
    private let layout: PangoTextLayout
    private let lock = NSLock()
    private var cache: [CacheKey: TextMetrics] = [:]

    private struct CacheKey: Hashable {
        var text: String
        var font: ChartFont
    }

    public init() throws {
        layout = try PangoTextLayout()
    }

    public func measure(_ text: String, font: ChartFont) -> TextMetrics {
        lock.lock()
        defer { lock.unlock() }
        let key = CacheKey(text: text, font: font)
        if let known = cache[key] { return known }
        // A font description that cannot be made leaves the previous one set; fall back to an estimate.
        guard let metrics = try? layout.setLine(text, font: font) else {
            return TextMetrics(width: Double(text.count) * font.size * 0.6, ascent: font.size * 0.93, descent: font.size * 0.24)
        }
        cache[key] = metrics
        return metrics
    }
}
