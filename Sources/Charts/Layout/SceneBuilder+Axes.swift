/// Draws grid lines, axis lines, tick labels and axis titles, and records them as metadata.
extension SceneBuilder {
    mutating func drawLeftAxis(_ model: AxisModel, ticks: AxisTicks?, labels: [String?], layout: CartesianPlot, options: CartesianOptions) {
        let plot = layout.plot
        var infoTicks: [AxisTick] = []
        let labelX = plot.minX - theme.gap * 1.2
        if let ticks {
            for (value, label) in zip(ticks.values, ticks.labels) {
                let y = layout.y.position(value)
                if options.horizontalGrid, abs(y - plot.maxY) > 0.5 {
                    polyline([Point(x: plot.minX, y: y), Point(x: plot.maxX, y: y)], theme.gridStyle)
                }
                if let label {
                    text(label, at: Point(x: labelX, y: y), anchor: TextAnchor(.end, .middle), font: theme.tickFont, color: Palette.secondaryInk)
                }
                infoTicks.append(AxisTick(value: value, position: y, label: label))
            }
        } else {
            let step = abs(BandScale(count: labels.count, start: plot.maxY, end: plot.minY).step)
            let every = max(1, Int((lineHeight(theme.tickFont) / max(step, 0.1)).rounded(.up)))
            for (i, label) in labels.enumerated() {
                let y = layout.y.position(Double(i))
                let shown = i % every == 0 ? label : nil
                if let shown {
                    text(shown, at: Point(x: labelX, y: y), anchor: TextAnchor(.end, .middle), font: theme.tickFont, color: Palette.ink)
                }
                infoTicks.append(AxisTick(value: Double(i), position: y, label: shown))
            }
            // A value axis along the bottom: mark zero (or the left edge) with the axis line.
            var zeroX = plot.minX
            if case .linear(let scale) = layout.x, scale.domain.contains(0) { zeroX = scale.position(0) }
            if options.axisLines {
                polyline([Point(x: zeroX, y: plot.minY), Point(x: zeroX, y: plot.maxY)], theme.axisStyle)
            }
        }
        metadata.axes.append(AxisInfo(edge: .left, title: model.title, ticks: infoTicks, domain: domain(of: layout.y, count: labels.count)))
    }

    mutating func drawBottomAxis(
        _ model: AxisModel, ticks: AxisTicks?, categories: CategoryLabelLayout, layout: CartesianPlot,
        options: CartesianOptions, labelGap: Double
    ) {
        let plot = layout.plot
        let labelY = plot.maxY + labelGap
        var infoTicks: [AxisTick] = []
        if case .linear = layout.y {
            polyline([Point(x: plot.minX, y: plot.maxY), Point(x: plot.maxX, y: plot.maxY)], theme.axisStyle)
        }
        let tickStyle = StrokeStyle(color: Palette.axis, width: StrokeStyle.hairlineWidth)
        if let ticks {
            for (value, label) in zip(ticks.values, ticks.labels) {
                let x = layout.x.position(value)
                if options.verticalGrid {
                    polyline([Point(x: x, y: plot.minY), Point(x: x, y: plot.maxY)], theme.gridStyle)
                }
                polyline([Point(x: x, y: plot.maxY), Point(x: x, y: plot.maxY + theme.tickLength)], tickStyle)
                if let label {
                    text(label, at: Point(x: x, y: labelY), anchor: TextAnchor(.middle, .top), font: theme.tickFont, color: Palette.secondaryInk)
                }
                infoTicks.append(AxisTick(value: value, position: x, label: label))
            }
        } else {
            for (i, label) in categories.labels.enumerated() {
                let x = layout.x.position(Double(i))
                var shown = label
                if let label {
                    polyline([Point(x: x, y: plot.maxY), Point(x: x, y: plot.maxY + theme.tickLength)], tickStyle)
                    shown = drawCategoryLabel(label, x: x, y: labelY, rotation: categories.rotation)
                }
                infoTicks.append(AxisTick(value: Double(i), position: x, label: shown))
            }
        }
        metadata.axes.append(AxisInfo(edge: .bottom, title: model.title, ticks: infoTicks,
                                      domain: domain(of: layout.x, count: categories.labels.count)))
    }

    /// Draws one category label, rotated labels truncated so that they stay inside the chart.
    private mutating func drawCategoryLabel(_ label: String, x: Double, y: Double, rotation: Double) -> String {
        guard rotation != 0 else {
            let height = lineHeight(theme.tickFont)
            for (i, line) in label.split(separator: "\n").enumerated() {
                text(String(line), at: Point(x: x, y: y + Double(i) * height), anchor: TextAnchor(.middle, .top),
                     font: theme.tickFont, color: Palette.ink)
            }
            return label
        }
        let room = (x - theme.padding) / 0.7072 - lineHeight(theme.tickFont)
        let fitted = TextFitting(measurer: measurer).truncate(label, font: theme.tickFont, width: room)
        text(fitted, at: Point(x: x + 2, y: y), anchor: TextAnchor(.end, .middle), font: theme.tickFont, color: Palette.ink, rotation: rotation)
        return fitted
    }

    mutating func drawAxisTitles(x: String, y yLines: [String], layout: CartesianPlot, body: Rect, xTitleTop: Double) {
        let fit = TextFitting(measurer: measurer)
        let plot = layout.plot
        if !x.isEmpty {
            let title = fit.truncate(x, font: theme.axisTitleFont, width: body.width)
            let width = measure(title, theme.axisTitleFont).width
            let centre = min(max(plot.midX, body.minX + width / 2), body.maxX - width / 2)
            text(title, at: Point(x: centre, y: xTitleTop), anchor: TextAnchor(.middle, .top),
                 font: theme.axisTitleFont, color: Palette.secondaryInk)
        }
        let lineHeight = lineHeight(theme.axisTitleFont)
        for (i, line) in yLines.enumerated() {
            text(line, at: Point(x: body.minX + Double(i) * lineHeight, y: plot.midY), anchor: TextAnchor(.middle, .top),
                 font: theme.axisTitleFont, color: Palette.secondaryInk, rotation: -90)
        }
    }

    private func domain(of scale: PlotScale, count: Int) -> ClosedRange<Double> {
        switch scale {
        case .linear(let linear): return linear.domain
        case .band: return -0.5...(Double(count) - 0.5)
        }
    }
}
