import Charts
import Foundation

/// Loads the fonts on a thread of its own while a command parses its arguments and reads its
/// data, so that its first measurement does not wait for fontconfig's configuration and the font
/// files to load (about a tenth of a small report's time, measured).
public enum FontWarmUp {
    /// Starts measuring a digit in the regular and the bold font on a background thread; returns
    /// at once. The digit stays among the shaped lines, as any measured text does.
    public static func startInBackground() {
        Thread.detachNewThread {
            guard let lines = try? ShapedLines.shared.get() else { return }
            for weight in [FontWeight.regular, .bold] {
                _ = try? lines.metrics("0", font: ChartFont(size: 9, weight: weight))
            }
        }
    }
}
