/// The words around an SPC chart: its legend and the note that lists signals.
extension SceneBuilder {
    static func spcLegend(_ series: SPCSeries, spec: ChartSpec) -> [LegendItem] {
        let format = spec.yAxis.format
        let centre = series.points.compactMap(\.centre)
        let constantCentre = centre.count > 0 && Set(centre).count == 1 ? centre.first : nil
        let centreName: String
        switch series.chart {
        case .run: centreName = "Median"
        case .p: centreName = "Centre (overall proportion)"
        case .i: centreName = "Centre (mean)"
        case .u: centreName = "Centre (overall rate)"
        case .c: centreName = "Centre (mean count)"
        case .mr: centreName = "Centre (mean moving range)"
        }
        let centreLabel = constantCentre.map { "\(centreName) \(format.valueLabel($0))" } ?? centreName
        var items = [
            LegendItem(label: spec.yAxis.title, symbol: .line(Palette.blue, dash: [], marker: .circle)),
            LegendItem(label: centreLabel, symbol: .line(Palette.secondaryInk, dash: [], marker: nil)),
        ]
        if series.chart != .run {
            items.append(LegendItem(label: "Control limits (3σ)", symbol: .line(Palette.axis, dash: StrokeStyle.Dash.dashed, marker: nil)))
        }
        if series.points.contains(where: { $0.signal != nil }) {
            items.append(LegendItem(label: "Outside limits", symbol: .line(Palette.vermillion, dash: [], marker: .diamond)))
        }
        if !series.runSignals.isEmpty {
            items.append(LegendItem(label: "Unusual run", symbol: .line(Palette.orange, dash: [], marker: .square)))
        }
        if series.points.contains(where: { !$0.isIncluded }) {
            let symbol = LegendItem.Symbol.line(Palette.axis, dash: [], marker: .circle)
            items.append(LegendItem(label: "Excluded from the limits", symbol: symbol))
        }
        return items
    }

    /// One sentence per kind of signal, or a sentence saying there is none.
    static func spcNotes(_ series: SPCSeries, format: ValueFormat) -> [String] {
        var notes: [String] = []
        let outside = series.points.filter { $0.signal != nil && $0.value.number != nil }
        if !outside.isEmpty {
            let items = outside.map { point -> String in
                let value = point.value.number.map(format.valueLabel) ?? ""
                switch point.signal {
                case .aboveUpperLimit: return "\(point.label) above the upper limit (\(value))"
                case .belowLowerLimit: return "\(point.label) below the lower limit (\(value))"
                case nil: return point.label
                }
            }
            notes.append("Signal: \(items.joined(separator: "; ")).")
        }
        for run in series.runSignals {
            let labels = run.pointIndices.sorted().compactMap { series.points.indices.contains($0) ? series.points[$0].label : nil }
            let span = labels.count > 1 ? " (\(labels[0])–\(labels[labels.count - 1]))" : ""
            switch run.kind {
            case .longRun: notes.append("Unusually long run\(span): \(run.detail).")
            case .fewCrossings: notes.append("Too few crossings of the centre line: \(run.detail).")
            }
        }
        let excluded = series.points.filter { !$0.isIncluded }.map(\.label)
        if notes.isEmpty, series.points.count > 0 {
            notes.append(series.chart == .run
                ? "No signals: no unusually long runs or too few crossings (Anhøj rules)."
                : "No signals: all points within the limits and no unusual runs (Anhøj rules).")
        }
        if !excluded.isEmpty {
            notes.append("Left out of the centre, limits and runs: \(excluded.joined(separator: ", ")).")
        }
        return notes
    }
}
