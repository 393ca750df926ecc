import Charts

/// Paints a Scene through a `DrawingBackend`: the one drawing path for PDF, SVG, PNG and pages.
public struct SceneDrawer {
    public let backend: any DrawingBackend

    public init(backend: any DrawingBackend) {
        self.backend = backend
    }

    /// Draws `scene` with its top-left corner at `origin`.
    public func draw(_ scene: Scene, at origin: Point = Point(x: 0, y: 0)) {
        backend.save()
        backend.translate(by: origin)
        var openClips = 0
        for primitive in scene.primitives {
            switch primitive {
            case .polyline(let points, let style):
                backend.stroke(Self.path(points, closed: false), style: style)
            case .polygon(let points, let fill, let stroke):
                paint(Self.path(points, closed: true), fill: fill, stroke: stroke)
            case .rect(let rect, let fill, let stroke):
                paint(Self.path(rect.corners, closed: true), fill: fill, stroke: stroke)
            case .marker(let marker):
                paint(Self.path(for: marker), fill: marker.fill, stroke: marker.stroke)
            case .text(let run):
                backend.drawText(run)
            case .beginClip(let rect):
                backend.save()
                backend.clip(to: rect)
                openClips += 1
            case .endClip:
                guard openClips > 0 else { continue }
                backend.restore()
                openClips -= 1
            }
        }
        for _ in 0..<openClips { backend.restore() }
        backend.restore()
    }

    private func paint(_ path: [PathElement], fill: ChartColor?, stroke: StrokeStyle?) {
        if let fill { backend.fill(path, color: fill) }
        if let stroke { backend.stroke(path, style: stroke) }
    }

    static func path(_ points: [Point], closed: Bool) -> [PathElement] {
        guard let first = points.first else { return [] }
        return [.move(first)] + points.dropFirst().map { .line($0) } + (closed ? [.close] : [])
    }
}
