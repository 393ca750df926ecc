/// Marks shared by several chart kinds: series lines, reference lines, suppressed values.
extension SceneBuilder {
    /// Lays out the header and note and returns the body rectangle between them.
    mutating func frame(_ spec: ChartSpec, legend: [LegendItem], notes: [String]) -> Rect {
        let top = drawHeader(title: spec.title, subtitle: spec.subtitle, legend: legend)
        let bottom = drawNotes(notes + spec.notes)
        return Rect(x: theme.padding, y: top, width: size.width - 2 * theme.padding, height: max(20, bottom - top))
    }

    /// Draws a series as a line broken at gaps, with a marker at each point, and records each point.
    mutating func drawSeries(_ points: [Point?], name: String, index: Int, markers: Bool = true) {
        let color = Palette.series(index)
        let style = StrokeStyle(color: color, width: theme.seriesLineWidth, dash: MarkerShape.dash(forSeries: index))
        for run in Self.runs(points) { polyline(run, style) }
        for (i, point) in points.enumerated() {
            guard let point else { continue }
            if markers {
                marker(MarkerShape.series(index), at: point, size: theme.markerSize, fill: color,
                       stroke: StrokeStyle(color: .white, width: 0.5))
            }
            mark(SemanticMark(role: .dataPoint, series: name, index: i, points: [point]))
        }
    }

    /// Squares around markers, for labels to keep clear of.
    static func markerAreas(_ points: [Point], size: Double) -> [Rect] {
        points.map { Rect(x: $0.x - size / 2, y: $0.y - size / 2, width: size, height: size) }
    }

    /// Consecutive non-nil stretches of `points`.
    static func runs(_ points: [Point?]) -> [[Point]] {
        var runs: [[Point]] = []
        var current: [Point] = []
        for point in points {
            if let point { current.append(point) } else if !current.isEmpty {
                runs.append(current)
                current = []
            }
        }
        if !current.isEmpty { runs.append(current) }
        return runs
    }

    /// A dashed line across the plot at `line.value` on the y axis, labelled at its right end.
    mutating func drawHorizontalReference(_ line: ReferenceLine, role: MarkRole, layout: CartesianPlot, avoiding obstacles: [Rect] = []) {
        let plot = layout.plot
        let y = layout.y.position(line.value)
        guard y >= plot.minY - 0.5, y <= plot.maxY + 0.5 else { return }
        let start = Point(x: plot.minX, y: y)
        let end = Point(x: plot.maxX, y: y)
        polyline([start, end], StrokeStyle(color: Palette.ink, width: 0.8, dash: StrokeStyle.Dash.dashed))
        mark(SemanticMark(role: role, points: [start, end], value: line.value, text: line.label))
        guard !line.label.isEmpty else { return }
        let gap = 1.5
        placeLabel(line.label, candidates: [
            (Point(x: plot.maxX - 2, y: y - gap), TextAnchor(.end, .bottom)),
            (Point(x: plot.maxX - 2, y: y + gap), TextAnchor(.end, .top)),
            (Point(x: plot.minX + 2, y: y - gap), TextAnchor(.start, .bottom)),
            (Point(x: plot.minX + 2, y: y + gap), TextAnchor(.start, .top)),
        ], font: theme.valueFont, color: Palette.ink, within: plot, avoiding: obstacles, backdrop: true)
    }

    /// A dashed line down the plot at `line.value` on the x axis, labelled at its top.
    mutating func drawVerticalReference(_ line: ReferenceLine, role: MarkRole, layout: CartesianPlot) {
        let plot = layout.plot
        let x = layout.x.position(line.value)
        guard x >= plot.minX - 0.5, x <= plot.maxX + 0.5 else { return }
        let start = Point(x: x, y: plot.minY)
        let end = Point(x: x, y: plot.maxY)
        polyline([start, end], StrokeStyle(color: Palette.ink, width: 0.8, dash: StrokeStyle.Dash.dashed))
        mark(SemanticMark(role: role, points: [start, end], value: line.value, text: line.label))
        placeLabel(line.label, candidates: [
            (Point(x: x + 2, y: plot.minY), TextAnchor(.start, .bottom)),
            (Point(x: x - 2, y: plot.minY), TextAnchor(.end, .bottom)),
            (Point(x: x + 2, y: plot.minY + 1), TextAnchor(.start, .top)),
        ], font: theme.valueFont, color: Palette.ink, within: Rect(x: plot.minX, y: 0, width: plot.width, height: plot.maxY))
    }

    /// Marks events on the x axis: a dotted line down the plot and the label at its top.
    mutating func drawAnnotations(_ annotations: [ChartAnnotation], layout: CartesianPlot, avoiding obstacles: [Rect] = []) {
        let plot = layout.plot
        for annotation in annotations {
            let x = layout.x.position(annotation.x)
            guard x >= plot.minX - 0.5, x <= plot.maxX + 0.5 else { continue }
            let line = [Point(x: x, y: plot.minY), Point(x: x, y: plot.maxY)]
            polyline(line, StrokeStyle(color: Palette.secondaryInk, width: 0.6, dash: StrokeStyle.Dash.dotted))
            mark(SemanticMark(role: .annotation, points: line, value: annotation.x, text: annotation.label))
            placeLabel(annotation.label, candidates: [
                (Point(x: x + 2, y: plot.minY + 1), TextAnchor(.start, .top)),
                (Point(x: x - 2, y: plot.minY + 1), TextAnchor(.end, .top)),
                (Point(x: x + 2, y: plot.minY + 2 + lineHeight(theme.valueFont)), TextAnchor(.start, .top)),
                (Point(x: x - 2, y: plot.minY + 2 + lineHeight(theme.valueFont)), TextAnchor(.end, .top)),
            ], font: theme.valueFont, color: Palette.secondaryInk, within: plot, avoiding: obstacles, backdrop: true)
        }
    }

    /// Writes "<11" (or "suppressed") for a withheld value at `x`, just above the plot's bottom
    /// (stacking upwards if taken).
    mutating func drawSuppressed(_ value: ChartValue, atX x: Double, layout: CartesianPlot, series: String?, index: Int) {
        let label = value.withheldText ?? ChartValue.suppressedText
        let font = theme.valueFont
        let height = lineHeight(font)
        let bottom = layout.plot.maxY - 1.5
        let candidates = (0..<4).map { level in
            (Point(x: x, y: bottom - Double(level) * height), TextAnchor(.middle, .bottom))
        }
        let position = placeLabel(label, candidates: candidates, font: font, color: Palette.secondaryInk,
                                  within: Rect(x: 0, y: 0, width: size.width, height: size.height), always: true)
        mark(SemanticMark(role: .suppressed, series: series, index: index, points: [position ?? candidates[0].0],
                          text: label))
    }

    /// The note sentence naming withheld values, if any: each with its mark when some are
    /// complementary ("suppressed") rather than small ("<11").
    static func suppressionNote(_ withheld: [(label: String, value: ChartValue)]) -> [String] {
        guard !withheld.isEmpty else { return [] }
        guard withheld.contains(where: { $0.value == .complementary }) else {
            return ["Counts of 1 to 10 are withheld (shown as <11, not plotted): \(withheld.map(\.label).joined(separator: ", "))."]
        }
        let named = withheld.map { "\($0.label) (\($0.value.withheldText ?? ""))" }.joined(separator: ", ")
        return ["Withheld, not plotted: \(named). <11 is a count of 1 to 10; suppressed is a larger figure withheld so "
                + "that no such count can be worked out."]
    }
}
