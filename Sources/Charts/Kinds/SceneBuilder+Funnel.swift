/// Funnel plot: each unit's proportion against its n, inside 95% and 99.8% limits around the overall proportion.
extension SceneBuilder {
    mutating func buildFunnel(_ data: FunnelData, spec: ChartSpec) {
        let shown = data.points.filter { $0.proportion.number != nil }
        let hidden = data.points.filter { $0.proportion.isSuppressed }.map { ($0.label, $0.proportion) }
        var legend = [
            LegendItem(label: "Overall \(spec.yAxis.format.valueLabel(data.centre))", symbol: .line(Palette.secondaryInk, dash: [], marker: nil)),
            LegendItem(label: "95% limits", symbol: .line(Palette.secondaryInk, dash: StrokeStyle.Dash.dashed, marker: nil)),
            LegendItem(label: "99.8% limits", symbol: .line(Palette.ink, dash: StrokeStyle.Dash.dotted, marker: nil)),
        ]
        if shown.contains(where: \.isSignal) {
            legend.append(LegendItem(label: "Outside 99.8%", symbol: .line(Palette.vermillion, dash: [], marker: .diamond)))
        }
        var notes = Self.suppressionNote(hidden)
        let outside = shown.filter(\.isSignal).map(\.label)
        notes.append(outside.isEmpty ? "All units lie within the 99.8% limits."
            : "Outside the 99.8% limits: \(outside.joined(separator: ", ")).")
        let body = frame(spec, legend: legend, notes: notes)

        let maxN = Double(shown.map(\.n).max() ?? 1) * 1.08
        let minN = Double(shown.map(\.n).min() ?? 1)
        let nearest = data.limits.flatMap { $0.points.filter { $0.n >= minN * 0.8 } }.prefix(4)
        let values = shown.compactMap(\.proportion.number) + [data.centre] + nearest.flatMap { [$0.lower, $0.upper] }
        var xAxis = spec.xAxis
        xAxis.includesZero = true
        let layout = layoutCartesian(x: .linear(xAxis, data: 0...maxN), y: .linear(spec.yAxis, data: .spanning(values)), body: body)

        add(.beginClip(layout.plot))
        let centre = [layout.point(0, data.centre), layout.point(maxN, data.centre)]
        let centreLine = [Point(x: layout.plot.minX, y: centre[0].y), Point(x: layout.plot.maxX, y: centre[1].y)]
        polyline(centreLine, StrokeStyle(color: Palette.secondaryInk, width: 1))
        mark(SemanticMark(role: .centreLine, points: centre, value: data.centre))
        var lines = [centreLine]
        for curve in data.limits { lines += drawFunnelLimit(curve, layout: layout) }
        add(.endClip)
        drawFunnelPoints(shown, layout: layout, lines: lines)
    }

    /// Draws a limit curve's two sides; returns them.
    private mutating func drawFunnelLimit(_ curve: FunnelLimitCurve, layout: CartesianPlot) -> [[Point]] {
        let wide = curve.level == .ninetyNinePointEight
        let style = wide
            ? StrokeStyle(color: Palette.ink, width: 0.9, dash: StrokeStyle.Dash.dotted)
            : StrokeStyle(color: Palette.secondaryInk, width: 0.8, dash: StrokeStyle.Dash.dashed)
        let role: MarkRole = wide ? .funnelLimit998 : .funnelLimit95
        let sorted = curve.points.sorted { $0.n < $1.n }
        let sides = [sorted.map { layout.point($0.n, $0.upper) }, sorted.map { layout.point($0.n, $0.lower) }]
        for side in sides {
            polyline(side, style)
            mark(SemanticMark(role: role, points: side))
        }
        return sides
    }

    /// Draws the units' markers and names each beside its marker, clear of the other markers and
    /// labels, and of the centre and limit `lines` where some place is (a name drawn across a
    /// dashed limit was hard to read: "adult-mh" at 2,000,000 sessions on the network's chart).
    private mutating func drawFunnelPoints(_ points: [FunnelPoint], layout: CartesianPlot, lines: [[Point]]) {
        let positioned = points.compactMap { point in point.proportion.number.map { (point, layout.point(Double(point.n), $0)) } }
        for (point, at) in positioned {
            marker(point.isSignal ? .diamond : .circle, at: at, size: point.isSignal ? theme.signalMarkerSize : theme.signalMarkerSize * 0.85,
                   fill: point.isSignal ? Palette.vermillion : Palette.blue, stroke: StrokeStyle(color: .white, width: 0.6))
            mark(SemanticMark(role: point.isSignal ? .signal : .dataPoint, series: point.label, points: [at], value: point.proportion.number))
        }
        let markers = positioned.map { _, at in Rect(x: at.x - 3, y: at.y - 3, width: 6, height: 6) }
        let segments = lines.flatMap { line in
            zip(line, line.dropFirst()).map { SceneBuilder.boundingRect([$0, $1]).insetBy(dx: -0.5, dy: -0.5) }
        }
        let d = theme.signalMarkerSize * 0.6
        for (point, at) in positioned {
            let candidates = [
                (Point(x: at.x + d, y: at.y), TextAnchor(.start, .middle)),
                (Point(x: at.x - d, y: at.y), TextAnchor(.end, .middle)),
                (Point(x: at.x, y: at.y - d), TextAnchor(.middle, .bottom)),
                (Point(x: at.x, y: at.y + d), TextAnchor(.middle, .top)),
                (Point(x: at.x + d, y: at.y - d), TextAnchor(.start, .bottom)),
                (Point(x: at.x + d, y: at.y + d), TextAnchor(.start, .top)),
                (Point(x: at.x - d, y: at.y - d), TextAnchor(.end, .bottom)),
                (Point(x: at.x - d, y: at.y + d), TextAnchor(.end, .top)),
            ]
            if placeLabel(point.label, candidates: candidates, font: theme.valueFont, color: Palette.ink,
                          within: layout.plot, avoiding: markers + segments) == nil {
                placeLabel(point.label, candidates: candidates, font: theme.valueFont, color: Palette.ink,
                           within: layout.plot, avoiding: markers)
            }
        }
    }
}
