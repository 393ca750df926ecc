import CCairo
import Charts

/// Aligns horizontal and vertical lines to the device pixel grid so that hairlines stay crisp.
///
/// A line an odd number of pixels wide is centred on a half pixel, an even one on a pixel edge,
/// and no line is thinner than one pixel.
struct PixelSnapping {
    let context: OpaquePointer

    func snap(_ path: [PathElement], width: Double) -> (path: [PathElement], width: Double) {
        guard Self.isAxisAligned(path) else { return (path, width) }
        var dx = width
        var dy = 0.0
        cairo_user_to_device_distance(context, &dx, &dy)
        let deviceScale = max(abs(dx), abs(dy)) / max(width, 1e-9)
        let pixels = max(1, (width * deviceScale).rounded())
        let odd = Int(pixels) % 2 == 1
        let snapped = path.map { element -> PathElement in
            switch element {
            case .move(let p): return .move(snapPoint(p, odd: odd))
            case .line(let p): return .line(snapPoint(p, odd: odd))
            case .circle, .close: return element
            }
        }
        return (snapped, pixels / deviceScale)
    }

    private func snapPoint(_ p: Point, odd: Bool) -> Point {
        var x = p.x
        var y = p.y
        cairo_user_to_device(context, &x, &y)
        x = odd ? x.rounded(.down) + 0.5 : x.rounded()
        y = odd ? y.rounded(.down) + 0.5 : y.rounded()
        cairo_device_to_user(context, &x, &y)
        return Point(x: x, y: y)
    }

    /// True when every segment is horizontal or vertical (grids, axes, ticks, steps).
    static func isAxisAligned(_ path: [PathElement]) -> Bool {
        var previous: Point?
        for element in path {
            switch element {
            case .move(let p):
                previous = p
            case .line(let p):
                guard let q = previous, abs(p.x - q.x) < 1e-6 || abs(p.y - q.y) < 1e-6 else { return false }
                previous = p
            case .circle, .close:
                return false
            }
        }
        return true
    }
}
