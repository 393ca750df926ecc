/// Which point of a text's box sits on its anchor.
public struct TextAnchor: Equatable, Hashable, Sendable {
    public enum Horizontal: String, Equatable, Hashable, Sendable { case start, middle, end }
    public enum Vertical: String, Equatable, Hashable, Sendable { case top, middle, baseline, bottom }

    public var horizontal: Horizontal
    public var vertical: Vertical

    public init(_ horizontal: Horizontal, _ vertical: Vertical) {
        self.horizontal = horizontal
        self.vertical = vertical
    }
}

extension TextAnchor {
    /// Where the top-left corner of a line of text with `metrics` sits relative to its anchor point.
    public func offset(for metrics: TextMetrics) -> Point {
        let dx: Double
        switch horizontal {
        case .start: dx = 0
        case .middle: dx = -metrics.width / 2
        case .end: dx = -metrics.width
        }
        let dy: Double
        switch vertical {
        case .top: dy = 0
        case .middle: dy = -metrics.height / 2
        case .baseline: dy = -metrics.ascent
        case .bottom: dy = -metrics.height
        }
        return Point(x: dx, y: dy)
    }
}

/// One line of text placed at an anchor point, optionally rotated about it.
public struct TextRun: Equatable, Hashable, Sendable {
    public var text: String
    public var position: Point
    public var anchor: TextAnchor
    public var font: ChartFont
    public var color: ChartColor
    /// Clockwise rotation in degrees about `position` (-90 reads bottom to top).
    public var rotation: Double

    public init(
        text: String, position: Point, anchor: TextAnchor, font: ChartFont,
        color: ChartColor, rotation: Double = 0
    ) {
        self.text = text
        self.position = position
        self.anchor = anchor
        self.font = font
        self.color = color
        self.rotation = rotation
    }
}
