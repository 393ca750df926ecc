/// One named series of values, one per category.
public struct ValueSeries: Equatable, Hashable, Sendable {
    public var name: String
    public var values: [ChartValue]

    public init(name: String, values: [ChartValue]) {
        self.name = name
        self.values = values
    }
}

/// Trend lines over ordered categories such as months.
public struct LineChartData: Equatable, Hashable, Sendable {
    public var categories: [String]
    public var series: [ValueSeries]

    public init(categories: [String], series: [ValueSeries]) {
        self.categories = categories
        self.series = series
    }
}
