import CCairo
import Charts

/// How a paragraph on a page is set: font, colour, alignment and extra space between lines.
public struct TextStyle: Equatable, Sendable {
    public enum Alignment: String, Equatable, Sendable { case left, center, right }

    public var font: ChartFont
    public var color: ChartColor
    public var alignment: Alignment
    /// Extra points between lines.
    public var lineSpacing: Double

    public init(font: ChartFont, color: ChartColor = Palette.ink, alignment: Alignment = .left, lineSpacing: Double = 0) {
        self.font = font
        self.color = color
        self.alignment = alignment
        self.lineSpacing = lineSpacing
    }
}

extension TextStyle.Alignment {
    var pango: PangoAlignment {
        switch self {
        case .left: return PANGO_ALIGN_LEFT
        case .center: return PANGO_ALIGN_CENTER
        case .right: return PANGO_ALIGN_RIGHT
        }
    }
}
