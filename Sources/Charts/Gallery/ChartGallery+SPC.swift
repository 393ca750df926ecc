/// SPC examples: a p-chart with limits that step with n, an I-chart, a run chart with a long run.
extension ChartGallery {
    static func attendancePChart() -> ChartSpec {
        let n = [232, 188, 251, 162, 168, 287, 174, 243, 299, 164, 279, 204, 159, 172, 261, 257, 167, 211, 173, 291, 258, 165, 294, 181]
        let p = [0.8233, 0.7926, 0.7928, 0.7963, 0.7976, 0.7979, 0.8046, 0.8230, 0.8127, 0.8110, 0.7778, 0.7941,
                 0.7736, 0.7907, 0.8199, 0.8833, 0.8024, 0.8057, 0.7919, 0.7766, 0.7171, 0.7879, 0.7687, 0.7956]
        let centre = 0.7976
        let points = months.indices.map { i -> SPCPoint in
            let sigma = (centre * (1 - centre) / Double(n[i])).squareRoot()
            let lower = centre - 3 * sigma
            let upper = centre + 3 * sigma
            let signal: SPCPointSignal? = p[i] > upper ? .aboveUpperLimit : p[i] < lower ? .belowLowerLimit : nil
            return SPCPoint(label: months[i], value: .value(p[i]), n: n[i], centre: centre, lower: lower, upper: upper, signal: signal)
        }
        return ChartSpec(
            kind: .spc(SPCSeries(chart: .p, points: points)),
            title: "Attendance rate, all tracks",
            subtitle: "Nov 2024 – Oct 2026 · p-chart · n = 5,317 scheduled sessions",
            xAxis: AxisSpec("Month"), yAxis: AxisSpec("Attendance", unit: "% of scheduled sessions", format: .percent),
            target: ReferenceLine(value: 0.85, label: "Target 85%"),
            annotations: [ChartAnnotation(x: 14.5, label: "Evening groups added")])
    }

    static func phq9IChart() -> ChartSpec {
        let values = [-5.8, -6.2, -5.1, -6.9, -5.5, -6.0, -4.9, -6.4, -5.7, -6.6, -5.2, -6.1,
                      -5.9, -6.3, -7.0, -6.8, -7.4, -7.1, -6.9, -7.6, -10.4, -7.2, -7.5, -7.3]
        let mean = -6.45
        let limit = 2.66 * 0.92
        let points = months.indices.map { i -> SPCPoint in
            let value = values[i]
            let signal: SPCPointSignal? = value > mean + limit ? .aboveUpperLimit : value < mean - limit ? .belowLowerLimit : nil
            return SPCPoint(label: months[i], value: i == 5 ? .suppressed : .value(value), n: 40 + i % 9,
                            centre: mean, lower: mean - limit, upper: mean + limit, signal: i == 5 ? nil : signal)
        }
        let run = SPCRunSignal(kind: .longRun, pointIndices: Array(13...23), detail: "11 points below the mean (limit 8)")
        return ChartSpec(
            kind: .spc(SPCSeries(chart: .i, points: points, runSignals: [run])),
            title: "Mean PHQ-9 change, discharged episodes",
            subtitle: "Nov 2024 – Oct 2026 · I-chart · n = 1,046 outcome pairs",
            xAxis: AxisSpec("Month of discharge"), yAxis: AxisSpec("Mean change", unit: "PHQ-9 points"))
    }

    static func completionRunChart() -> ChartSpec {
        let values = [0.58, 0.61, 0.55, 0.63, 0.60, 0.57, 0.62, 0.59, 0.64, 0.66, 0.65, 0.68, 0.67, 0.69, 0.66, 0.70, 0.68, 0.71]
        let labels = Array(months.suffix(values.count))
        let median = 0.635
        let points = labels.indices.map { SPCPoint(label: labels[$0], value: .value(values[$0]), centre: median) }
        let run = SPCRunSignal(kind: .longRun, pointIndices: Array(8...17), detail: "10 points above the median (limit 7)")
        return ChartSpec(
            kind: .spc(SPCSeries(chart: .run, points: points, runSignals: [run])),
            title: "Program completion rate",
            subtitle: "May 2025 – Oct 2026 · run chart · n = 912 discharges",
            xAxis: AxisSpec("Month of discharge"), yAxis: AxisSpec("Completed", unit: "% of discharges", format: .percent))
    }
}
