/// Outcome examples: severity bands, change by track, severity shift, goals, trajectories.
extension ChartGallery {
    static func severityBands() -> ChartSpec {
        let bands = ["Minimal", "Mild", "Moderate", "Moderately severe", "Severe"]
        let rows: [[ChartValue]] = (0..<12).map { i in
            let moderate = Double(14 + i % 4)
            return [.value(Double(18 + i)), .value(Double(22 + i % 5)), .value(moderate), i % 5 == 2 ? .suppressed : .value(Double(12 - i % 3)), i == 7 ? .suppressed : .value(11)]
        }
        let series = bands.indices.map { b in ValueSeries(name: bands[b], values: rows.map { $0[b] }) }
        return ChartSpec(
            kind: .bar(BarChartData(categories: Array(months.suffix(12)), series: series, showsValues: false)),
            title: "PHQ-9 severity at discharge",
            subtitle: "Discharges Nov 2025 – Oct 2026 · n = 904 discharge scores",
            xAxis: AxisSpec("Month of discharge"), yAxis: AxisSpec("Episodes", unit: "count", format: .integer))
    }

    static func phq9ChangeByTrack() -> ChartSpec {
        let rows = [
            IntervalEstimate(label: "All tracks", estimate: -6.4, lower: -7.1, upper: -5.7, n: 412),
            IntervalEstimate(label: "Depression & anxiety", estimate: -7.2, lower: -8.3, upper: -6.1, n: 164),
            IntervalEstimate(label: "Substance use", estimate: -4.9, lower: -6.4, upper: -3.4, n: 88),
            IntervalEstimate(label: "Dual diagnosis", estimate: -5.8, lower: -7.3, upper: -4.3, n: 97),
            IntervalEstimate(label: "Adolescent", estimate: -6.9, lower: -8.9, upper: -4.9, n: 56),
            IntervalEstimate(label: "Veterans", estimate: .suppressed, n: nil),
        ]
        return ChartSpec(
            kind: .dotInterval(DotIntervalData(rows: rows)),
            title: "Mean PHQ-9 change by track",
            subtitle: "Discharged Nov 2025 – Oct 2026 · n = 412 outcome pairs",
            xAxis: AxisSpec("Mean change, final − baseline", unit: "PHQ-9 points"), yAxis: AxisSpec(""),
            reference: ReferenceLine(value: 0, label: "No change"),
            notes: ["Negative change is improvement. Intervals are 95% CIs (Student's t)."])
    }

    static func severityShift() -> ChartSpec {
        let bands = ["Minimal", "Mild", "Moderate", "Mod. severe", "Severe"]
        let counts: [[ChartValue]] = [
            [.suppressed, .suppressed, 0, 0, 0],
            [14, .suppressed, .suppressed, 0, 0],
            [31, 38, 17, .suppressed, 0],
            [22, 41, 29, 12, .suppressed],
            [12, 27, 33, 21, 14],
        ]
        return ChartSpec(
            kind: .heatTable(HeatTableData(rowLabels: bands, columnLabels: bands, counts: counts)),
            title: "PHQ-9 severity: baseline band × final band",
            subtitle: "Discharged Nov 2025 – Oct 2026 · n = 412 outcome pairs",
            xAxis: AxisSpec("Final band"), yAxis: AxisSpec("Baseline band"))
    }

    static func goalAttainment() -> ChartSpec {
        ChartSpec(
            kind: .goalAttainment(GoalAttainmentData(counts: [.suppressed, 64, 211, 148, 57])),
            title: "Goal attainment at discharge",
            subtitle: "Discharged Nov 2025 – Oct 2026 · n = 487 rated goals, 181 episodes",
            xAxis: AxisSpec("Attained level (0 = expected outcome)"), yAxis: AxisSpec("Goals", unit: "count", format: .integer))
    }

    static func phq9Trajectories() -> ChartSpec {
        var random = GalleryRandom(seed: 23)
        let weeks = 0...10
        let trajectories = (0..<80).map { _ -> Trajectory in
            let start = 12 + random.next() * 14
            let slope = -0.3 - random.next() * 1.2
            let last = 5 + Int(random.next() * 6)
            return Trajectory(points: weeks.prefix(last + 1).map { w in
                Point(x: Double(w), y: min(27, max(0, (start + slope * Double(w) + random.normal() * 1.6).rounded())))
            })
        }
        let mean = Trajectory(points: weeks.map { w in
            let ys = trajectories.compactMap { $0.points.first { $0.x == Double(w) }?.y }
            return Point(x: Double(w), y: ys.reduce(0, +) / Double(max(ys.count, 1)))
        })
        return ChartSpec(
            kind: .spaghetti(SpaghettiData(trajectories: trajectories, mean: mean)),
            title: "PHQ-9 trajectories, depression & anxiety track",
            subtitle: "Admitted Nov 2025 – Jul 2026 · n = 80 episodes · internal use only",
            xAxis: AxisSpec("Weeks since admission", format: .integer),
            yAxis: AxisSpec("PHQ-9 total", unit: "0–27", format: .integer),
            reference: ReferenceLine(value: 10, label: "Caseness (10)"))
    }
}
