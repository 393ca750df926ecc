import CCairo
import Charts

/// One page to draw on: scenes at offsets, wrapped text in boxes, rules and fills. Units are points.
public final class PageCanvas {
    public let size: Size
    let backend: CairoBackend

    init(size: Size, backend: CairoBackend) {
        self.size = size
        self.backend = backend
    }

    /// Draws `scene` with its top-left corner at `origin`.
    public func draw(_ scene: Scene, at origin: Point) {
        SceneDrawer(backend: backend).draw(scene, at: origin)
    }

    /// Draws `text` wrapped to the box's width from its top-left corner; returns the height used.
    /// Text taller than the box is clipped to it.
    @discardableResult
    public func drawText(_ text: String, in box: Rect, style: TextStyle) -> Double {
        backend.save()
        backend.clip(to: box)
        let height = backend.drawParagraph(text, at: Point(x: box.x, y: box.y), width: box.width, style: style)
        backend.restore()
        return min(height, box.height)
    }

    /// The height `text` takes wrapped to `width`, for planning a page before drawing.
    public func textHeight(_ text: String, width: Double, style: TextStyle) -> Double {
        backend.paragraphHeight(text, width: width, style: style)
    }

    public func fill(_ rect: Rect, color: ChartColor) {
        backend.fill(SceneDrawer.path(rect.corners, closed: true), color: color)
    }

    public func stroke(_ points: [Point], style: StrokeStyle) {
        backend.stroke(SceneDrawer.path(points, closed: false), style: style)
    }
}
