/// Bars for categories: one series, or several stacked.
public struct BarChartData: Equatable, Hashable, Sendable {
    public enum Orientation: String, Equatable, Hashable, Sendable {
        /// Categories along the bottom (months, tracks).
        case vertical
        /// Categories down the left: best for long names such as discharge reasons.
        case horizontal
    }

    public var categories: [String]
    /// One series draws simple bars; several are stacked in order.
    public var series: [ValueSeries]
    public var orientation: Orientation
    /// Write each bar's (or segment's) value on or beside it.
    public var showsValues: Bool

    public init(categories: [String], series: [ValueSeries], orientation: Orientation = .vertical, showsValues: Bool = true) {
        self.categories = categories
        self.series = series
        self.orientation = orientation
        self.showsValues = showsValues
    }
}
