/// Type sizes, spacing and line weights, scaled for full- or half-width charts.
struct ChartTheme {
    let size: Size
    /// Half-width charts (narrower than 320 pt) use smaller type.
    var isCompact: Bool { size.width < 320 }

    var titleFont: ChartFont { ChartFont(size: isCompact ? 8.5 : 10.5, weight: .bold) }
    var subtitleFont: ChartFont { ChartFont(size: isCompact ? 6.5 : 8) }
    var axisTitleFont: ChartFont { ChartFont(size: isCompact ? 6.5 : 7.5) }
    var tickFont: ChartFont { ChartFont(size: isCompact ? 6 : 7) }
    var legendFont: ChartFont { ChartFont(size: isCompact ? 6 : 7) }
    var noteFont: ChartFont { ChartFont(size: isCompact ? 5.5 : 6.5) }
    var valueFont: ChartFont { ChartFont(size: isCompact ? 5.5 : 6.5) }

    /// Empty border around the whole chart.
    var padding: Double { isCompact ? 3 : 4 }
    /// Space between neighbouring blocks (title and subtitle, labels and axis).
    var gap: Double { isCompact ? 2.5 : 3.5 }
    var markerSize: Double { isCompact ? 3.6 : 4.4 }
    var signalMarkerSize: Double { isCompact ? 5.2 : 6.4 }
    var seriesLineWidth: Double { isCompact ? 1.1 : 1.4 }
    var tickLength: Double { 3 }
    /// Most lines the note under a chart may take.
    var maxNoteLines: Int { 3 }

    var gridStyle: StrokeStyle { StrokeStyle(color: Palette.grid, width: StrokeStyle.hairlineWidth) }
    var axisStyle: StrokeStyle { StrokeStyle(color: Palette.axis, width: 0.75) }
}
