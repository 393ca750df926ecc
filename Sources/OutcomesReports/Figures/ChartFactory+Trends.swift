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

    /// "n = 4,812" summed over the months (denominators for rates, n for statistics).
    func totalN(_ trend: MetricTrend) -> Int {
        trend.points.reduce(0) { sum, point in
            switch point.value {
            case .proportion(_, _, let den): return sum + den
            case .statistic(_, let n, _, _): return sum + n
            case .none: return sum
            }
        }
    }

    func trend(_ request: ChartRequest) -> Made? {
        guard let id = request.metric, let trend = inputs.trend(id) else { return nil }
        let values = trend.points.map { privacy.chartValue($0.value) }
        guard values.contains(where: { $0.number != nil }), totalN(trend) > 0 else { return nil }
        let sample = trend.points.compactMap(\.value).first
        let isRate = sample.map(Format.isRate) ?? false
        let spec = ChartSpec(
            kind: .line(LineChartData(categories: months(trend), series: [ValueSeries(name: Format.label(id), values: values)])),
            title: Format.label(id) + ", month by month",
            subtitle: "\(trendSpan(trend)) · n = \(Format.count(totalN(trend)))",
            xAxis: AxisSpec("Month"), yAxis: axis(for: id, value: sample),
            target: request.target.map { ReferenceLine(value: $0, label: "Target " + (isRate ? Format.percent($0, digits: 0) : Format.number($0))) },
            notes: values.contains(.suppressed) ? ["Months with fewer than 11 cases are withheld (<11)."] : [])
        return Made(chart: spec, name: "trend-" + ChartFactory.slug(id))
    }
}
