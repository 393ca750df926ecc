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
