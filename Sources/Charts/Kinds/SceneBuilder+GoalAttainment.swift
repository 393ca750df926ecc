/// The distribution of attained goal levels, −2 ... +2: below-expected levels in orange, the rest in blue.
extension SceneBuilder {
    mutating func buildGoalAttainment(_ data: GoalAttainmentData, spec: ChartSpec) {
        let labels = GoalAttainmentData.levels.map { $0 > 0 ? "+\($0)" : $0 < 0 ? "\u{2212}\(-$0)" : "0" }
        let bars = BarChartData(
            categories: labels, series: [ValueSeries(name: spec.yAxis.title, values: data.counts)], orientation: .vertical)
        let legend = [
            LegendItem(label: "Below expected", symbol: .swatch(Palette.orange)),
            LegendItem(label: "Expected or better", symbol: .swatch(Palette.blue)),
        ]
        drawBars(bars, spec: spec, legend: legend, colors: { _, category in
            GoalAttainmentData.levels[category] < 0 ? Palette.orange : Palette.blue
        }, notes: [])
    }
}
