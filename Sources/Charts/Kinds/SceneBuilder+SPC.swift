/// Run charts, p-charts and I-charts: data line, centre line, stepped limits, signals marked and explained.
extension SceneBuilder {
    mutating func buildSPC(_ series: SPCSeries, spec: ChartSpec) {
        let points = series.points
        let runIndices = Set(series.runSignals.flatMap(\.pointIndices))
        let legend = Self.spcLegend(series, spec: spec)
        let notes = Self.spcNotes(series, format: spec.yAxis.format)
            + Self.suppressionNote(points.filter { $0.value.isSuppressed }.map { ($0.label, $0.value) })
        let body = frame(spec, legend: legend, notes: notes)

        let values = points.flatMap { [$0.value.number, $0.centre, $0.lower, $0.upper] }.compactMap { $0 }
            + [spec.target?.value].compactMap { $0 }
        let layout = layoutCartesian(
            x: .categories(title: spec.xAxis.label, labels: points.map(\.label), fit: .thin),
            y: .linear(spec.yAxis, data: .spanning(values)), body: body)
        let step = (layout.plot.width) / Double(max(points.count, 1))

        if let count = series.baselineCount, count > 0, count < points.count {
            drawBaselineDivider(atX: layout.x.position(Double(count) - 0.5), layout: layout)
        }
        for start in points.indices.dropFirst() where points[start].phase != points[start - 1].phase {
            drawPhaseDivider(atX: layout.x.position(Double(start) - 0.5), layout: layout)
        }
        let phases = points.map(\.phase)
        for (values, role) in [(points.map(\.lower), MarkRole.lowerLimit), (points.map(\.upper), .upperLimit)] {
            drawSteppedLine(values, phases: phases, role: role, step: step, layout: layout, dashed: true)
        }
        drawSteppedLine(points.map(\.centre), phases: phases, role: .centreLine, step: step, layout: layout,
                        dashed: false)
        let positions: [Point?] = points.enumerated().map { i, point in
            point.value.number.map { layout.point(Double(i), $0) }
        }
        if let target = spec.target {
            drawHorizontalReference(target, role: .target, layout: layout,
                                    avoiding: Self.markerAreas(positions.compactMap { $0 }, size: theme.signalMarkerSize))
        }
        let dataStyle = StrokeStyle(color: Palette.blue, width: theme.seriesLineWidth * 0.85)
        for run in Self.runs(positions) { polyline(run, dataStyle) }
        for (i, point) in points.enumerated() {
            if point.value.isSuppressed {
                drawSuppressed(point.value, atX: layout.x.position(Double(i)), layout: layout, series: nil, index: i)
            }
            guard let position = positions[i] else { continue }
            mark(SemanticMark(role: .dataPoint, index: i, points: [position], value: point.value.number))
            if point.signal != nil || runIndices.contains(i) {
                let outside = point.signal != nil
                marker(outside ? .diamond : .square, at: position, size: theme.signalMarkerSize,
                       fill: outside ? Palette.vermillion : Palette.orange, stroke: StrokeStyle(color: .white, width: 0.5))
                mark(SemanticMark(role: .signal, index: i, points: [position], value: point.value.number,
                                  text: point.signal?.rawValue ?? "run"))
            } else if !point.isIncluded {
                marker(.circle, at: position, size: theme.markerSize, fill: .white,
                       stroke: StrokeStyle(color: Palette.blue, width: 1))
            } else {
                marker(.circle, at: position, size: theme.markerSize, fill: Palette.blue, stroke: StrokeStyle(color: .white, width: 0.5))
            }
        }
        labelLatestValue(positions, values: points.map(\.value), format: spec.yAxis.format, layout: layout)
        drawAnnotations(spec.annotations, layout: layout,
                        avoiding: Self.markerAreas(positions.compactMap { $0 }, size: theme.signalMarkerSize))
    }

    /// Writes the newest point's value beside it, where it fits clear of the markers.
    private mutating func labelLatestValue(_ positions: [Point?], values: [ChartValue], format: ValueFormat, layout: CartesianPlot) {
        guard let last = positions.lastIndex(where: { $0 != nil }), let at = positions[last], let value = values[last].number else { return }
        let d = theme.signalMarkerSize * 0.7
        placeLabel(format.valueLabel(value), candidates: [
            (Point(x: at.x, y: at.y - d), TextAnchor(.middle, .bottom)),
            (Point(x: at.x, y: at.y + d), TextAnchor(.middle, .top)),
            (Point(x: at.x - d, y: at.y - d), TextAnchor(.end, .bottom)),
            (Point(x: at.x - d, y: at.y + d), TextAnchor(.end, .top)),
        ], font: ChartFont(size: theme.valueFont.size, weight: .bold), color: Palette.blue, within: layout.plot,
        avoiding: Self.markerAreas(positions.compactMap { $0 }, size: theme.signalMarkerSize))
    }

    /// A line that is flat across each point's band and steps between bands (limits that change
    /// with n); it breaks at gaps and where a new phase starts.
    private mutating func drawSteppedLine(
        _ values: [Double?], phases: [Int], role: MarkRole, step: Double, layout: CartesianPlot, dashed: Bool
    ) {
        var runs: [[Point]] = []
        var current: [Point] = []
        for (i, value) in values.enumerated() {
            if i > 0, phases[i] != phases[i - 1], !current.isEmpty {
                runs.append(current)
                current = []
            }
            guard let value else {
                if !current.isEmpty { runs.append(current) }
                current = []
                continue
            }
            let x = layout.x.position(Double(i))
            let y = layout.y.position(value)
            if let last = current.last, abs(last.y - y) < 1e-9 {
                current[current.count - 1] = Point(x: x + step / 2, y: y)
            } else {
                current.append(Point(x: x - step / 2, y: y))
                current.append(Point(x: x + step / 2, y: y))
            }
        }
        if !current.isEmpty { runs.append(current) }
        let style = dashed
            ? StrokeStyle(color: Palette.axis, width: 0.8, dash: StrokeStyle.Dash.dashed)
            : StrokeStyle(color: Palette.secondaryInk, width: 1)
        for run in runs {
            polyline(run, style)
            mark(SemanticMark(role: role, points: run))
        }
    }

    private mutating func drawPhaseDivider(atX x: Double, layout: CartesianPlot) {
        let plot = layout.plot
        let line = [Point(x: x, y: plot.minY), Point(x: x, y: plot.maxY)]
        polyline(line, StrokeStyle(color: Palette.axis, width: StrokeStyle.hairlineWidth,
                                   dash: StrokeStyle.Dash.dotted))
        mark(SemanticMark(role: .phaseDivider, points: line))
    }

    private mutating func drawBaselineDivider(atX x: Double, layout: CartesianPlot) {
        let plot = layout.plot
        let line = [Point(x: x, y: plot.minY), Point(x: x, y: plot.maxY)]
        polyline(line, StrokeStyle(color: Palette.axis, width: StrokeStyle.hairlineWidth, dash: StrokeStyle.Dash.dotted))
        mark(SemanticMark(role: .baselineDivider, points: line))
        placeLabel("Limits frozen on baseline", candidates: [
            (Point(x: x - 2, y: plot.minY + 1), TextAnchor(.end, .top)),
            (Point(x: x + 2, y: plot.minY + 1), TextAnchor(.start, .top)),
        ], font: theme.valueFont, color: Palette.secondaryInk, within: plot)
    }
}
