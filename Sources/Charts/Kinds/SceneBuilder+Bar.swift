/// Bars, single or stacked, vertical or horizontal; goal attainment reuses them with its own colours.
extension SceneBuilder {
    mutating func buildBar(_ data: BarChartData, spec: ChartSpec) {
        let stacked = data.series.count > 1
        let legend = stacked ? data.series.enumerated().map { LegendItem(label: $1.name, symbol: .swatch(Palette.series($0))) } : []
        drawBars(data, spec: spec, legend: legend, colors: { series, _ in Palette.series(series) }, notes: [])
    }

    /// Lays out and draws bars; `colors(series, category)` picks each fill.
    mutating func drawBars(
        _ data: BarChartData, spec: ChartSpec, legend: [LegendItem],
        colors: (Int, Int) -> ChartColor, notes: [String]
    ) {
        let stacked = data.series.count > 1
        var suppressed: [(label: String, value: ChartValue)] = []
        for series in data.series {
            for (i, value) in series.values.enumerated() where value.isSuppressed && data.categories.indices.contains(i) {
                suppressed.append((stacked ? "\(series.name) in \(data.categories[i])" : data.categories[i], value))
            }
        }
        let body = frame(spec, legend: legend, notes: notes + Self.suppressionNote(suppressed))
        let totals = data.categories.indices.map { i in
            data.series.reduce(0.0) { $0 + (($1.values.indices.contains(i) ? $1.values[i].number : nil) ?? 0) }
        }
        let valueSpec = spec.valueAxis(for: data.orientation)
        let range = ClosedRange<Double>.spanning(totals + [0] + [spec.target?.value].compactMap { $0 })
        let horizontal = data.orientation == .horizontal
        let categories = AxisModel.categories(
            title: (horizontal ? spec.yAxis : spec.xAxis).label, labels: data.categories, fit: .rotate)
        let values = AxisModel.linear(valueSpec, data: range)
        let endLabelWidth = data.showsValues && !stacked
            ? measure(valueSpec.format.valueLabel(totals.max() ?? 0), theme.valueFont).width + 3 : 0
        let layout = horizontal
            ? layoutCartesian(x: values, y: categories, body: body,
                              options: CartesianOptions(rightInset: endLabelWidth, verticalGrid: true, horizontalGrid: false))
            : layoutCartesian(x: categories, y: values, body: body)

        if let target = spec.target {
            horizontal ? drawVerticalReference(target, role: .target, layout: layout)
                : drawHorizontalReference(target, role: .target, layout: layout)
        }
        let bars = BarGeometry(layout: layout, horizontal: horizontal)
        for i in data.categories.indices {
            var base = 0.0
            for (s, series) in data.series.enumerated() {
                let value = series.values.indices.contains(i) ? series.values[i] : .missing
                if value.isSuppressed {
                    if stacked {
                        // Left out of the stack and named in the note; recorded where the stack starts.
                        mark(SemanticMark(role: .suppressed, series: series.name, index: i,
                                          points: [bars.rect(category: i, from: 0, to: 0).corners[0]], text: value.withheldText))
                    } else {
                        drawSuppressed(value, category: i, bars: bars, series: series.name)
                    }
                }
                guard let number = value.number, number != 0 else { continue }
                let rect = bars.rect(category: i, from: base, to: base + number)
                add(.rect(rect, fill: colors(s, i), stroke: stacked ? StrokeStyle(color: .white, width: 0.5) : nil))
                mark(SemanticMark(role: .bar, series: series.name, index: i, points: rect.corners, value: number))
                if data.showsValues {
                    drawBarValue(number, rect: rect, fill: colors(s, i), inside: stacked, bars: bars, format: valueSpec.format)
                }
                base += number
            }
        }
    }

    private mutating func drawSuppressed(_ value: ChartValue, category i: Int, bars: BarGeometry, series: String) {
        let font = theme.valueFont
        let text = value.withheldText ?? ChartValue.suppressedText
        let position = bars.horizontal
            ? (bars.layout.point(0, Double(i)), TextAnchor(.start, .middle))
            : (bars.layout.point(Double(i), 0), TextAnchor(.middle, .bottom))
        let shifted = Point(x: position.0.x + (bars.horizontal ? 3 : 0), y: position.0.y - (bars.horizontal ? 0 : 2))
        self.text(text, at: shifted, anchor: position.1, font: font, color: Palette.secondaryInk)
        mark(SemanticMark(role: .suppressed, series: series, index: i, points: [shifted], text: text))
    }

    /// Writes a bar's value beyond its end, or inside a stacked segment when it fits.
    private mutating func drawBarValue(_ value: Double, rect: Rect, fill: ChartColor, inside: Bool, bars: BarGeometry, format: ValueFormat) {
        let label = format.valueLabel(value)
        let font = theme.valueFont
        let size = measure(label, font)
        if inside {
            guard size.width + 2 <= rect.width, size.height <= rect.height else { return }
            let ink = fill.luminance < 0.35 ? ChartColor.white : Palette.ink
            text(label, at: Point(x: rect.midX, y: rect.midY), anchor: TextAnchor(.middle, .middle), font: font, color: ink)
            return
        }
        let candidates = bars.horizontal
            ? [(Point(x: rect.maxX + 2, y: rect.midY), TextAnchor(.start, .middle))]
            : [(Point(x: rect.midX, y: rect.minY - 1.5), TextAnchor(.middle, .bottom))]
        placeLabel(label, candidates: candidates, font: font, within: Rect(x: 0, y: 0, width: self.size.width, height: self.size.height))
    }
}

/// Where bars go on a laid-out plot, whichever way they point.
struct BarGeometry {
    let layout: CartesianPlot
    let horizontal: Bool

    func rect(category: Int, from low: Double, to high: Double) -> Rect {
        let scale = horizontal ? layout.y : layout.x
        let half = scale.bandwidth / 2
        let centre = scale.position(Double(category))
        if horizontal {
            let a = layout.x.position(low)
            let b = layout.x.position(high)
            return Rect(x: min(a, b), y: centre - half, width: abs(b - a), height: half * 2)
        }
        let a = layout.y.position(low)
        let b = layout.y.position(high)
        return Rect(x: centre - half, y: min(a, b), width: half * 2, height: abs(b - a))
    }
}

extension ChartSpec {
    /// The axis that carries values for bars pointing this way, always including zero.
    func valueAxis(for orientation: BarChartData.Orientation) -> AxisSpec {
        var axis = orientation == .horizontal ? xAxis : yAxis
        axis.includesZero = true
        return axis
    }
}
