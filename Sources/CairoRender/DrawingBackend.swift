import Charts

/// One step of a path, in scene points.
public enum PathElement: Equatable, Sendable {
    case move(Point)
    case line(Point)
    /// A full circle, as its own closed sub-path.
    case circle(center: Point, radius: Double)
    case close
}

/// What `SceneDrawer` asks of a surface. Cairo implements it; tests record it.
public protocol DrawingBackend: AnyObject {
    func save()
    func restore()
    func translate(by offset: Point)
    func clip(to rect: Rect)
    func fill(_ path: [PathElement], color: ChartColor)
    func stroke(_ path: [PathElement], style: StrokeStyle)
    func drawText(_ run: TextRun)
}
