/// One drawing instruction of a Scene, in points from the scene's top-left corner.
public enum Primitive: Equatable, Hashable, Sendable {
    /// An open polyline (two points for a segment).
    case polyline([Point], StrokeStyle)
    /// A closed polygon, filled and/or stroked.
    case polygon([Point], fill: ChartColor?, stroke: StrokeStyle?)
    /// A rectangle, filled and/or stroked.
    case rect(Rect, fill: ChartColor?, stroke: StrokeStyle?)
    /// A point marker.
    case marker(Marker)
    /// One line of text.
    case text(TextRun)
    /// Clips what follows, up to the matching `endClip`, to a rectangle.
    case beginClip(Rect)
    /// Ends the innermost clip.
    case endClip
}
