import Charts
import OutcomesAnalysis

extension ChartFactory {
    /// A metric's monthly control chart as it is drawn and as data.
    struct MetricControl {
        let control: ControlChart
        let trend: MetricTrend
        /// A p-chart of a rate; else an I-chart of a mean, median or count.
        let isRate: Bool
    }

    /// The control chart of the request's metric, its points labelled by `labels`: a p-chart
    /// for rates (pooled numerators and denominators), an I-chart otherwise; nil without values.
    /// A month whose figure is withheld is a gap: it takes no part in the centre line or the
    /// limits, so that nothing drawn depends on its counts.
    func metricControl(_ request: ChartRequest, labels: (MetricTrend) -> [String]) -> MetricControl? {
        guard let id = request.metric, let trend = inputs.trend(id) else { return nil }
        let names = labels(trend)
        let isRate = trend.points.contains { $0.value.map(Format.isRate) ?? false }
        let withheld = withheldMonths(id, trend)
        let observations = trend.points.enumerated().map { index, point -> SPCObservation in
            if withheld[index] != nil { return SPCObservation(label: names[index], value: nil) }
            if isRate, case .proportion(_, let num, let den) = point.value {
                return SPCObservation(label: names[index], value: Double(num), denominator: Double(den))
            }
            return SPCObservation(label: names[index], value: isRate ? nil : point.value?.value)
        }
        let options = request.adjustments.options(months: trend.points.map(\.period))
        let control = ControlChart.build(isRate ? .p : .i, observations, options: options)
        guard control.points.contains(where: { $0.value != nil }) else { return nil }
        return MetricControl(control: control, trend: trend, isRate: isRate)
    }

    /// The SPC chart of a metric, with its signals explained in words.
    func spc(_ request: ChartRequest) -> Made? {
        guard let id = request.metric, let made = metricControl(request, labels: months) else { return nil }
        let (control, trend, isRate) = (made.control, made.trend, made.isRate)
        let withheld = withheldMonths(id, trend)
        let spec = ChartSpec(
            kind: .spc(SPCFigure.series(control, withheld: withheld)),
            title: Format.label(id) + (isRate ? " (p-chart)" : " (I-chart)"),
            subtitle: "\(trendSpan(trend)) · n = \(shownN(id, trend))",
            xAxis: AxisSpec("Month"), yAxis: axis(for: id, value: trend.points.compactMap(\.value).first),
            target: request.target.map { ReferenceLine(value: $0, label: "Target") },
            notes: [request.adjustments.sentence { Format.monthLabel($0) }].compactMap { $0 })
        let explanation = SPCExplanation(control: control, label: Format.label(id), isRate: isRate,
                                         withheld: Set(withheld.keys))
        return Made(chart: spec, name: "spc-" + ChartFactory.slug(id), explanation: explanation.sentence)
    }
}
