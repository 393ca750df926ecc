import Charts

/// Moves a chart's primitives onto a page: every point shifted by the chart's origin.
extension Primitive {
    func translated(by offset: Point) -> Primitive {
        func move(_ p: Point) -> Point { Point(x: p.x + offset.x, y: p.y + offset.y) }
        func move(_ r: Rect) -> Rect { Rect(x: r.x + offset.x, y: r.y + offset.y, width: r.width, height: r.height) }
        switch self {
        case .polyline(let points, let style): return .polyline(points.map(move), style)
        case .polygon(let points, let fill, let stroke): return .polygon(points.map(move), fill: fill, stroke: stroke)
        case .rect(let rect, let fill, let stroke): return .rect(move(rect), fill: fill, stroke: stroke)
        case .marker(var marker):
            marker.center = move(marker.center)
            return .marker(marker)
        case .text(var run):
            run.position = move(run.position)
            return .text(run)
        case .beginClip(let rect): return .beginClip(move(rect))
        case .endClip: return .endClip
        }
    }
}

extension Scene {
    /// The scene's primitives placed with its top-left corner at `origin`.
    func primitives(at origin: Point) -> [Primitive] {
        primitives.map { $0.translated(by: origin) }
    }
}
