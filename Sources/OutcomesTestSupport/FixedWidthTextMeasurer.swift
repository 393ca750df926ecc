import Charts

/// Measures text as if every character were 0.6 em wide, so layout tests never depend on installed fonts.
public struct FixedWidthTextMeasurer: TextMeasuring, Sendable {
    /// Advance of one character, as a share of the font size.
    public var advance: Double
    public var ascent: Double
    public var descent: Double

    public init(advance: Double = 0.6, ascent: Double = 0.8, descent: Double = 0.2) {
        self.advance = advance
        self.ascent = ascent
        self.descent = descent
    }

    public func measure(_ text: String, font: ChartFont) -> TextMetrics {
        let boldFactor = font.weight == .bold ? 1.1 : 1
        return TextMetrics(
            width: Double(text.count) * advance * font.size * boldFactor,
            ascent: ascent * font.size,
            descent: descent * font.size)
    }
}
