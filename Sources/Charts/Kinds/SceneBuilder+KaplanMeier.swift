/// Kaplan-Meier retention curves, one per group, with censor ticks and a number-at-risk table under the axis.
extension SceneBuilder {
    mutating func buildKaplanMeier(_ data: KaplanMeierData, spec: ChartSpec) {
        let legend = data.curves.enumerated().map { LegendItem.lineSeries($1.name, index: $0, marker: false) }
        let anySuppressed = data.curves.contains { $0.atRisk.contains(.suppressed) }
        let anyComplementary = data.curves.contains { $0.atRisk.contains(.complementary) }
        let notes = ["Ticks mark censored episodes (completed, stepped, transferred or still active)."]
            + (anySuppressed ? ["Numbers at risk of 1 to 10 are shown as <11."] : [])
            + (anyComplementary ? ["Suppressed: withheld so that no number at risk of 1 to 10 can be worked out."] : [])
        let body = frame(spec, legend: legend, notes: notes)
        let rowHeight = lineHeight(theme.tickFont) + 1
        let reserve = data.riskTimes.isEmpty ? 0 : rowHeight * Double(data.curves.count + 1) + theme.gap * 2
        let lastTime = data.maxTime ?? max(data.riskTimes.max() ?? 0, data.curves.flatMap { $0.steps.map(\.time) + $0.censorTimes }.max() ?? 1)
        let lowest = data.curves.flatMap { curve in
            curve.steps.filter { $0.time <= lastTime }.map { data.showsConfidenceBands ? ($0.lower ?? $0.survival) : $0.survival }
        }.min() ?? 0
        let yRange = min(lowest, spec.reference?.value ?? 1)...1
        let xModel: AxisModel = data.riskTimes.isEmpty
            ? .linear(spec.xAxis, data: 0...lastTime)
            : .fixed(spec.xAxis, ticks: data.riskTimes, domain: 0...lastTime)
        let names = data.curves.map { measure($0.name, theme.tickFont).width }.max() ?? 0
        let layout = layoutCartesian(x: xModel, y: .linear(spec.yAxis, data: yRange), body: body,
                                     options: CartesianOptions(bottomReserve: reserve, leftLabelMinWidth: min(names + 12, body.width * 0.3)))
        if let reference = spec.reference { drawHorizontalReference(reference, role: .reference, layout: layout) }

        add(.beginClip(layout.plot.insetBy(dx: -2, dy: -2)))
        for (c, curve) in data.curves.enumerated() {
            drawSurvivalCurve(curve, index: c, until: lastTime, bands: data.showsConfidenceBands, layout: layout)
        }
        add(.endClip)
        drawAnnotations(spec.annotations, layout: layout)
        drawRiskTable(data, layout: layout, rowHeight: rowHeight)
    }

    private mutating func drawSurvivalCurve(_ curve: SurvivalCurve, index: Int, until end: Double, bands: Bool, layout: CartesianPlot) {
        let color = Palette.series(index)
        var path = [layout.point(0, 1)]
        var previous = 1.0
        for step in curve.steps.sorted(by: { $0.time < $1.time }) where step.time <= end {
            path.append(layout.point(step.time, previous))
            path.append(layout.point(step.time, step.survival))
            previous = step.survival
        }
        path.append(layout.point(end, curve.survival(at: end)))
        if bands { drawSurvivalBand(curve, color: color, until: end, layout: layout) }
        polyline(path, StrokeStyle(color: color, width: theme.seriesLineWidth, dash: MarkerShape.dash(forSeries: index)))
        mark(SemanticMark(role: .survivalCurve, series: curve.name, index: index, points: path))
        let half = theme.markerSize * 0.6
        // One tick per censoring time: episodes censored on the same day share it, as in R's
        // survival plots (at 200,000 episodes a tick per episode was 150,000 identical strokes,
        // most of a report's rendering time).
        var ticked = Set<Double>()
        for time in curve.censorTimes where time <= end && ticked.insert(time).inserted {
            let at = layout.point(time, curve.survival(at: time))
            polyline([Point(x: at.x, y: at.y - half), Point(x: at.x, y: at.y + half)], StrokeStyle(color: color, width: 0.8))
            mark(SemanticMark(role: .censorTick, series: curve.name, points: [at], value: time))
        }
    }

    private mutating func drawSurvivalBand(_ curve: SurvivalCurve, color: ChartColor, until end: Double, layout: CartesianPlot) {
        let steps = curve.steps.filter { $0.lower != nil && $0.upper != nil && $0.time <= end }
        guard !steps.isEmpty else { return }
        var upper: [Point] = []
        var lower: [Point] = []
        for (i, step) in steps.enumerated() {
            let next = i + 1 < steps.count ? steps[i + 1].time : end
            upper += [layout.point(step.time, step.upper ?? step.survival), layout.point(next, step.upper ?? step.survival)]
            lower += [layout.point(step.time, step.lower ?? step.survival), layout.point(next, step.lower ?? step.survival)]
        }
        add(.polygon(upper + lower.reversed(), fill: color.withAlpha(0.15), stroke: nil))
    }

    private mutating func drawRiskTable(_ data: KaplanMeierData, layout: CartesianPlot, rowHeight: Double) {
        guard !data.riskTimes.isEmpty else { return }
        var y = layout.below.minY + theme.gap
        text("Number at risk", at: Point(x: layout.bodyMinX, y: y), anchor: TextAnchor(.start, .top),
             font: ChartFont(size: theme.tickFont.size, weight: .bold), color: Palette.secondaryInk)
        let fit = TextFitting(measurer: measurer)
        let firstCount = data.curves.compactMap { $0.atRisk.first?.number }.max() ?? 0
        let firstHalf = measure(ValueFormat.integer.valueLabel(firstCount), theme.tickFont).width / 2
        let nameWidth = layout.x.position(data.riskTimes.min() ?? 0) - firstHalf - layout.bodyMinX - theme.gap
        for (c, curve) in data.curves.enumerated() {
            y += rowHeight
            let name = fit.truncate(curve.name, font: theme.tickFont, width: max(nameWidth, 8))
            text(name, at: Point(x: layout.bodyMinX, y: y), anchor: TextAnchor(.start, .top), font: theme.tickFont, color: Palette.series(c))
            for (t, time) in data.riskTimes.enumerated() {
                let value = curve.atRisk.indices.contains(t) ? curve.atRisk[t] : .missing
                let label = value.withheldText ?? value.number.map(ValueFormat.integer.valueLabel) ?? ""
                guard !label.isEmpty else { continue }
                let at = Point(x: layout.x.position(time), y: y)
                text(label, at: at, anchor: TextAnchor(.middle, .top), font: theme.tickFont, color: Palette.ink)
                mark(SemanticMark(role: value.isSuppressed ? .suppressed : .riskCount, series: curve.name, index: t,
                                  points: [at], value: value.number, text: label))
            }
        }
    }
}
