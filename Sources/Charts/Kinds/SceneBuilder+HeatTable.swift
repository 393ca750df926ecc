/// A table of counts shaded by size, e.g. baseline severity band × final band.
extension SceneBuilder {
    mutating func buildHeatTable(_ data: HeatTableData, spec: ChartSpec) {
        var suppressed = 0
        var complementary = 0
        for row in data.counts {
            suppressed += row.filter { $0 == .suppressed }.count
            complementary += row.filter { $0 == .complementary }.count
        }
        var notes: [String] = []
        if data.outlinesDiagonal { notes.append("Outlined cells: same band at baseline and at the final score.") }
        if suppressed > 0 { notes.append("Cells with 1 to 10 episodes are shown as <11.") }
        if complementary > 0 { notes.append("Suppressed: withheld so that no cell of 1 to 10 can be worked out.") }
        let body = frame(spec, legend: [], notes: notes)
        let layout = layoutCartesian(
            x: .categories(title: spec.xAxis.label, labels: data.columnLabels, fit: .rotate),
            y: .categories(title: spec.yAxis.label, labels: data.rowLabels, fit: .thin), body: body,
            options: CartesianOptions(horizontalGrid: false, axisLines: false))
        guard case .band(let columns) = layout.x, case .band(let rows) = layout.y else { return }
        let largest = data.counts.flatMap { $0.compactMap(\.number) }.max() ?? 1
        let font = theme.isCompact ? theme.tickFont : theme.axisTitleFont
        for r in data.rowLabels.indices {
            for c in data.columnLabels.indices {
                let cell = Rect(x: columns.position(Double(c)) - abs(columns.step) / 2,
                                y: rows.position(Double(r)) - abs(rows.step) / 2,
                                width: abs(columns.step), height: abs(rows.step)).insetBy(dx: 0.75, dy: 0.75)
                let value = data.count(row: r, column: c)
                let share = (value.number ?? 0) / max(largest, 1)
                let fill = value.isSuppressed ? ChartColor(hex: 0xE6E6E6) : ChartColor(hex: 0xF7F7F7).mixed(with: Palette.blue, amount: share * 0.9)
                add(.rect(cell, fill: fill, stroke: nil))
                let label = value.withheldText ?? value.number.map { ValueFormat.integer.valueLabel($0) } ?? "–"
                let ink = fill.luminance < 0.3 ? ChartColor.white : (value.number ?? 0) == 0 ? Palette.secondaryInk : Palette.ink
                text(label, at: Point(x: cell.midX, y: cell.midY), anchor: TextAnchor(.middle, .middle), font: font, color: ink)
                mark(SemanticMark(role: value.isSuppressed ? .suppressed : .heatCell, index: r * data.columnLabels.count + c,
                                  points: cell.corners, value: value.number, text: label))
            }
        }
        guard data.outlinesDiagonal else { return }
        for d in 0..<min(data.rowLabels.count, data.columnLabels.count) {
            let cell = Rect(x: columns.position(Double(d)) - abs(columns.step) / 2, y: rows.position(Double(d)) - abs(rows.step) / 2,
                            width: abs(columns.step), height: abs(rows.step)).insetBy(dx: 0.75, dy: 0.75)
            add(.rect(cell, fill: nil, stroke: StrokeStyle(color: Palette.ink, width: 1)))
        }
    }
}
