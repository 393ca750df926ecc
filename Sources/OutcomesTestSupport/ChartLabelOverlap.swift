import Charts

/// Finds text labels in a scene whose boxes overlap, rotated boxes included (separating-axis test).
public enum ChartLabelOverlap {
    /// Every pair of labels that share area by more than `tolerance` points.
    public static func overlappingPairs(in scene: Scene, tolerance: Double = 0.01) -> [(LabelBox, LabelBox)] {
        let labels = scene.metadata.labels
        var pairs: [(LabelBox, LabelBox)] = []
        for i in labels.indices {
            for j in labels.indices where j > i {
                if overlap(labels[i].corners, labels[j].corners, tolerance: tolerance) {
                    pairs.append((labels[i], labels[j]))
                }
            }
        }
        return pairs
    }

    /// Labels reaching outside the scene.
    public static func labelsOutside(_ scene: Scene, tolerance: Double = 0.01) -> [LabelBox] {
        scene.metadata.labels.filter { label in
            label.corners.contains { p in
                p.x < -tolerance || p.y < -tolerance || p.x > scene.size.width + tolerance || p.y > scene.size.height + tolerance
            }
        }
    }

    /// Whether two convex quadrilaterals overlap by more than `tolerance` along every axis.
    static func overlap(_ a: [Point], _ b: [Point], tolerance: Double) -> Bool {
        for polygon in [a, b] {
            for k in polygon.indices {
                let p = polygon[k]
                let q = polygon[(k + 1) % polygon.count]
                let length = ((q.x - p.x) * (q.x - p.x) + (q.y - p.y) * (q.y - p.y)).squareRoot()
                guard length > 1e-9 else { continue }
                let axis = Point(x: -(q.y - p.y) / length, y: (q.x - p.x) / length)
                let pa = a.map { $0.x * axis.x + $0.y * axis.y }
                let pb = b.map { $0.x * axis.x + $0.y * axis.y }
                let gap = min((pa.max() ?? 0) - (pb.min() ?? 0), (pb.max() ?? 0) - (pa.min() ?? 0))
                if gap <= tolerance { return false }
            }
        }
        return true
    }
}
