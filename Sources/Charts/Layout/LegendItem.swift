/// One entry of a legend: a symbol and its label.
struct LegendItem {
    enum Symbol {
        /// A short line with the series' dash and marker.
        case line(ChartColor, dash: [Double], marker: MarkerShape?)
        /// A filled square, for bars and areas.
        case swatch(ChartColor)
    }

    var label: String
    var symbol: Symbol

    /// The legend item for series `i` drawn as a line with markers.
    static func lineSeries(_ name: String, index i: Int, marker: Bool = true) -> LegendItem {
        LegendItem(
            label: name,
            symbol: .line(Palette.series(i), dash: MarkerShape.dash(forSeries: i), marker: marker ? MarkerShape.series(i) : nil)
        )
    }
}
