/// How a line is stroked.
public struct StrokeStyle: Equatable, Hashable, Sendable {
    public var color: ChartColor
    /// Width in points; 0.5 or less is a hairline (one device pixel at raster output).
    public var width: Double
    /// Dash pattern in points (on, off, ...); empty for solid.
    public var dash: [Double]

    public init(color: ChartColor, width: Double, dash: [Double] = []) {
        self.color = color
        self.width = width
        self.dash = dash
    }

    /// The thinnest line a chart draws: grids and tick marks.
    public static let hairlineWidth = 0.5

    /// Dash patterns that tell series apart in greyscale.
    public enum Dash {
        public static let solid: [Double] = []
        public static let dashed: [Double] = [4, 2.5]
        public static let dotted: [Double] = [1, 2]
        public static let dashDot: [Double] = [5, 2, 1, 2]
        public static let longDash: [Double] = [8, 3]
    }
}
