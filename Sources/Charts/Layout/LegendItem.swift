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

extension LegendItem.Symbol {
    /// Width the symbol takes before its label: a short line sample, or a square swatch.
    func width(compact: Bool) -> Double {
        switch self {
        case .line: return compact ? 12 : 16
        case .swatch: return compact ? 6 : 7
        }
    }
}
