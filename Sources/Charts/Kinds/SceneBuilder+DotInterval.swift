/// An estimate with its 95% CI per cohort, one row each, against a reference line.
extension SceneBuilder {
    mutating func buildDotInterval(_ data: DotIntervalData, spec: ChartSpec) {
        let rows = data.rows
        let labels = rows.map { row in row.n.map { "\(row.label) (n = \(ValueFormat.integer.valueLabel(Double($0))))" } ?? row.label }
        let legend = [
            LegendItem(label: "Estimate", symbol: .line(Palette.blue, dash: [], marker: .circle)),
            LegendItem(label: "95% confidence interval", symbol: .line(Palette.blue, dash: [], marker: nil)),
        ]
        let suppressed = rows.filter { $0.estimate.isSuppressed }.map { ($0.label, $0.estimate) }
        let body = frame(spec, legend: legend, notes: Self.suppressionNote(suppressed))
        let values = rows.flatMap { [$0.estimate.number, $0.lower, $0.upper] }.compactMap { $0 }
            + [spec.reference?.value, spec.target?.value].compactMap { $0 }
        let layout = layoutCartesian(
            x: .linear(spec.xAxis, data: .spanning(values)),
            y: .categories(title: spec.yAxis.label, labels: labels, fit: .thin), body: body,
            options: CartesianOptions(rightInset: 4, verticalGrid: true, horizontalGrid: false))

        if let reference = spec.reference { drawVerticalReference(reference, role: .reference, layout: layout) }
        if let target = spec.target { drawVerticalReference(target, role: .target, layout: layout) }
        let cap = theme.markerSize * 0.8
        let style = StrokeStyle(color: Palette.blue, width: theme.seriesLineWidth)
        for (i, row) in rows.enumerated() {
            let y = layout.y.position(Double(i))
            if row.estimate.isSuppressed {
                let at = Point(x: layout.plot.minX + 3, y: y)
                let label = row.estimate.withheldText ?? ChartValue.suppressedText
                text(label, at: at, anchor: TextAnchor(.start, .middle), font: theme.valueFont, color: Palette.secondaryInk)
                mark(SemanticMark(role: .suppressed, index: i, points: [at], text: label))
                continue
            }
            guard let estimate = row.estimate.number else { continue }
            var rightEnd = layout.x.position(estimate)
            if let lower = row.lower, let upper = row.upper {
                let a = Point(x: layout.x.position(lower), y: y)
                let b = Point(x: layout.x.position(upper), y: y)
                polyline([a, b], style)
                polyline([Point(x: a.x, y: y - cap), Point(x: a.x, y: y + cap)], style)
                polyline([Point(x: b.x, y: y - cap), Point(x: b.x, y: y + cap)], style)
                mark(SemanticMark(role: .interval, index: i, points: [a, b]))
                rightEnd = max(rightEnd, b.x)
            }
            let centre = Point(x: layout.x.position(estimate), y: y)
            marker(.circle, at: centre, size: theme.signalMarkerSize, fill: Palette.blue, stroke: StrokeStyle(color: .white, width: 0.75))
            mark(SemanticMark(role: .dataPoint, index: i, points: [centre], value: estimate))
            placeLabel(spec.xAxis.format.valueLabel(estimate), candidates: [
                (Point(x: centre.x, y: y - cap - 0.5), TextAnchor(.middle, .bottom)),
                (Point(x: rightEnd + 3, y: y), TextAnchor(.start, .middle)),
            ], font: theme.valueFont, color: Palette.ink, within: Rect(x: 0, y: 0, width: size.width, height: size.height))
        }
    }
}
