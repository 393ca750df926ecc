/// The extent of one line of text, in points.
public struct TextMetrics: Equatable, Sendable {
    /// Advance width of the line.
    public var width: Double
    /// Distance from the top of the line box to the baseline.
    public var ascent: Double
    /// Distance from the baseline to the bottom of the line box.
    public var descent: Double

    public init(width: Double, ascent: Double, descent: Double) {
        self.width = width
        self.ascent = ascent
        self.descent = descent
    }

    /// Height of the line box.
    public var height: Double { ascent + descent }
}

/// Measures single lines of text, so that layout can leave room for labels.
///
/// CairoRender measures with Pango; tests use a fixed-width measurer so that
/// layout never depends on the fonts installed.
public protocol TextMeasuring {
    func measure(_ text: String, font: ChartFont) -> TextMetrics
}
