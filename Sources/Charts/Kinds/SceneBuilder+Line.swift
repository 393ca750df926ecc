/// Trend lines over months, with an optional target line.
extension SceneBuilder {
    mutating func buildLine(_ data: LineChartData, spec: ChartSpec) {
        let legend = data.series.count > 1 ? data.series.enumerated().map { LegendItem.lineSeries($1.name, index: $0) } : []
        var suppressed: [(label: String, value: ChartValue)] = []
        for series in data.series {
            for (i, value) in series.values.enumerated() where value.isSuppressed && data.categories.indices.contains(i) {
                suppressed.append((data.series.count > 1 ? "\(series.name) \(data.categories[i])" : data.categories[i], value))
            }
        }
        let body = frame(spec, legend: legend, notes: Self.suppressionNote(suppressed))
        let values = data.series.flatMap { $0.values.compactMap(\.number) } + [spec.target?.value, spec.reference?.value].compactMap { $0 }
        let layout = layoutCartesian(
            x: .categories(title: spec.xAxis.label, labels: data.categories, fit: .thin),
            y: .linear(spec.yAxis, data: .spanning(values)), body: body)

        let allPoints: [[Point?]] = data.series.map { series in
            data.categories.indices.map { i in
                guard series.values.indices.contains(i), let value = series.values[i].number else { return nil }
                return layout.point(Double(i), value)
            }
        }
        let markers = Self.markerAreas(allPoints.flatMap { $0.compactMap { $0 } }, size: theme.markerSize)
        if let reference = spec.reference { drawHorizontalReference(reference, role: .reference, layout: layout, avoiding: markers) }
        if let target = spec.target { drawHorizontalReference(target, role: .target, layout: layout, avoiding: markers) }
        for (s, series) in data.series.enumerated() {
            let points = allPoints[s]
            drawSeries(points, name: series.name, index: s)
            for (i, value) in series.values.enumerated() where value.isSuppressed && i < data.categories.count {
                drawSuppressed(value, atX: layout.x.position(Double(i)), layout: layout, series: series.name, index: i)
            }
        }
        drawAnnotations(spec.annotations, layout: layout, avoiding: markers)
    }
}
