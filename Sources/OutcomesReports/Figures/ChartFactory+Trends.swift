import Charts
import OutcomesAnalysis
import OutcomesCore

extension ChartFactory {
    /// Months of the trend, labelled "Oct 26".
    func months(_ trend: MetricTrend) -> [String] { trend.points.map { Format.monthLabel($0.period) } }

    func trendSpan(_ trend: MetricTrend) -> String {
        guard let first = trend.points.first, let last = trend.points.last else { return periodText }
        return "\(Format.short(first.period.from)) – \(Format.short(last.period.from))"
    }

    /// The months of a metric's trend whose figure is withheld, with how each is drawn.
    func withheldMonths(_ id: String, _ trend: MetricTrend) -> [Int: ChartValue] {
        var withheld: [Int: ChartValue] = [:]
        for index in trend.points.indices {
            let value = privacy.chartValue(privacy.place(id, group: ReportDisclosure.month(index)))
            if value.isSuppressed { withheld[index] = value }
        }
        return withheld
    }

    /// "4,812" summed over the months shown (denominators for rates, n for statistics), with
    /// "in the months shown" when some are withheld: never a total that gives a withheld month back.
    func shownN(_ id: String, _ trend: MetricTrend) -> String {
        let withheld = withheldMonths(id, trend)
        let total = trend.points.indices.filter { withheld[$0] == nil }.reduce(0) { sum, index in
            switch trend.points[index].value {
            case .proportion(_, _, let den): return sum + den
            case .statistic(_, let n, _, _): return sum + n
            case .none: return sum
            }
        }
        return Format.count(total) + (withheld.isEmpty ? "" : " in the months shown")
    }

    func trend(_ request: ChartRequest) -> Made? {
        guard let id = request.metric, let trend = inputs.trend(id) else { return nil }
        let values = trend.points.indices.map { privacy.chartValue(privacy.place(id, group: ReportDisclosure.month($0))) }
        guard values.contains(where: { $0.number != nil }) else { return nil }
        let sample = trend.points.compactMap(\.value).first
        let isRate = sample.map(Format.isRate) ?? false
        let spec = ChartSpec(
            kind: .line(LineChartData(categories: months(trend), series: [ValueSeries(name: Format.label(id), values: values)])),
            title: Format.label(id) + ", month by month",
            subtitle: "\(trendSpan(trend)) · n = \(shownN(id, trend))",
            xAxis: AxisSpec("Month"), yAxis: axis(for: id, value: sample),
            target: request.target.map { ReferenceLine(value: $0, label: "Target " + (isRate ? Format.percent($0, digits: 0) : Format.number($0))) },
            notes: [])
        return Made(chart: spec, name: "trend-" + ChartFactory.slug(id))
    }
}
