/// Individual trajectories as thin grey lines (at most `SpaghettiData.maximumDrawn`) with the
/// cohort mean in bold.
extension SceneBuilder {
    mutating func buildSpaghetti(_ data: SpaghettiData, spec: ChartSpec) {
        let count = ValueFormat.integer.valueLabel(Double(data.trajectoryCount))
        // Sampled, the legend says how many of how many (short enough for a half-width chart).
        let label = data.trajectories.count < data.trajectoryCount
            ? "Episodes (\(ValueFormat.integer.valueLabel(Double(data.trajectories.count))) of \(count))"
            : "Individual episodes (\(count))"
        let legend = [
            LegendItem(label: label, symbol: .line(Palette.muted, dash: [], marker: nil)),
            LegendItem(label: data.meanLabel, symbol: .line(Palette.blue, dash: [], marker: .circle)),
        ]
        let body = frame(spec, legend: legend, notes: [])
        let all = data.trajectories.flatMap(\.points) + data.mean.points
        let yValues = all.map(\.y) + [spec.reference?.value, spec.target?.value].compactMap { $0 }
        let layout = layoutCartesian(x: .linear(spec.xAxis, data: .spanning(all.map(\.x))),
                                     y: .linear(spec.yAxis, data: .spanning(yValues)), body: body)
        add(.beginClip(layout.plot))
        let thin = StrokeStyle(color: Palette.muted.withAlpha(0.55), width: 0.5)
        for (i, trajectory) in data.trajectories.enumerated() {
            let points = trajectory.points.map { layout.point($0.x, $0.y) }
            polyline(points, thin)
            mark(SemanticMark(role: .trajectory, index: i, points: points))
        }
        add(.endClip)
        let mean = data.mean.points.map { layout.point($0.x, $0.y) }
        let around = Self.markerAreas(mean, size: 8)
        if let reference = spec.reference { drawHorizontalReference(reference, role: .reference, layout: layout, avoiding: around) }
        if let target = spec.target { drawHorizontalReference(target, role: .target, layout: layout, avoiding: around) }
        polyline(mean, StrokeStyle(color: Palette.blue, width: theme.seriesLineWidth * 1.7))
        for point in mean {
            marker(.circle, at: point, size: theme.markerSize * 1.1, fill: Palette.blue, stroke: StrokeStyle(color: .white, width: 0.6))
        }
        mark(SemanticMark(role: .meanTrajectory, series: data.meanLabel, points: mean))
        drawAnnotations(spec.annotations, layout: layout, avoiding: around)
    }
}
