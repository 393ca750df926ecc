/// A point marker; series differ by shape as well as colour, so charts read in greyscale.
public enum MarkerShape: String, Equatable, Hashable, Sendable, CaseIterable {
    case circle
    case square
    case triangle
    case diamond
    case triangleDown
    case cross

    /// The marker for series `i`.
    public static func series(_ i: Int) -> MarkerShape {
        allCases[((i % allCases.count) + allCases.count) % allCases.count]
    }

    /// Dash pattern for series `i`, paired with its marker.
    public static func dash(forSeries i: Int) -> [Double] {
        let patterns = [
            StrokeStyle.Dash.solid, StrokeStyle.Dash.dashed, StrokeStyle.Dash.dotted,
            StrokeStyle.Dash.dashDot, StrokeStyle.Dash.longDash,
        ]
        return patterns[((i % patterns.count) + patterns.count) % patterns.count]
    }
}

/// A marker at a point: a shape of a given diameter, filled and/or stroked.
public struct Marker: Equatable, Hashable, Sendable {
    public var shape: MarkerShape
    public var center: Point
    /// Diameter of the circle the shape fits in, in points.
    public var size: Double
    public var fill: ChartColor?
    public var stroke: StrokeStyle?

    public init(shape: MarkerShape, center: Point, size: Double, fill: ChartColor?, stroke: StrokeStyle? = nil) {
        self.shape = shape
        self.center = center
        self.size = size
        self.fill = fill
        self.stroke = stroke
    }
}
