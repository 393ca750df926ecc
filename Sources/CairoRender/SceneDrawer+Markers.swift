import Charts

/// Marker shapes as paths, each sized to the same visual weight as a circle of the marker's size.
extension SceneDrawer {
    static func path(for marker: Marker) -> [PathElement] {
        let c = marker.center
        let r = marker.size / 2
        func at(_ dx: Double, _ dy: Double) -> Point { Point(x: c.x + dx * r, y: c.y + dy * r) }
        switch marker.shape {
        case .circle:
            return [.circle(center: c, radius: r)]
        case .square:
            let s = 0.886
            return path([at(-s, -s), at(s, -s), at(s, s), at(-s, s)], closed: true)
        case .diamond:
            let s = 1.25
            return path([at(0, -s), at(s, 0), at(0, s), at(-s, 0)], closed: true)
        case .triangle:
            let s = 1.2
            return path([at(0, -s), at(s * 0.866, s * 0.5), at(-s * 0.866, s * 0.5)], closed: true)
        case .triangleDown:
            let s = 1.2
            return path([at(0, s), at(s * 0.866, -s * 0.5), at(-s * 0.866, -s * 0.5)], closed: true)
        case .cross:
            let a = 0.35
            let b = 1.05
            return path([
                at(-a, -b), at(a, -b), at(a, -a), at(b, -a), at(b, a), at(a, a),
                at(a, b), at(-a, b), at(-a, a), at(-b, a), at(-b, -a), at(-a, -a),
            ], closed: true)
        }
    }
}
