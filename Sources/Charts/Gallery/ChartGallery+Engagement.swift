/// Engagement examples: attendance trends, discharge reasons, session mix.
extension ChartGallery {
    static func attendanceByTrack() -> ChartSpec {
        var random = GalleryRandom(seed: 11)
        let base = [0.84, 0.74, 0.77, 0.81]
        let series = tracks.enumerated().map { t, name in
            ValueSeries(name: name, values: (0..<12).map { i -> ChartValue in
                if t == 3, i == 4 { return .suppressed }
                return .value(base[t] + 0.004 * Double(i) + random.normal() * 0.012)
            })
        }
        return ChartSpec(
            kind: .line(LineChartData(categories: Array(months.suffix(12)), series: series)),
            title: "Attendance rate by track",
            subtitle: "Nov 2025 – Oct 2026 · n = 2,688 scheduled sessions",
            xAxis: AxisSpec("Month"), yAxis: AxisSpec("Attendance", unit: "% of scheduled", format: .percent),
            target: ReferenceLine(value: 0.85, label: "Target 85%"))
    }

    static func dischargeReasons() -> ChartSpec {
        let reasons = ["Completed", "Stepped up (PHP, residential, inpatient)", "Stepped down", "Left against advice",
                       "Lost to contact", "Administrative", "Transferred", "Other"]
        let counts: [ChartValue] = [142, 23, 31, 19, 27, .suppressed, 12, .suppressed]
        return ChartSpec(
            kind: .bar(BarChartData(categories: reasons, series: [ValueSeries(name: "Discharges", values: counts)], orientation: .horizontal)),
            title: "Discharge reasons",
            subtitle: "Nov 2025 – Oct 2026 · n = 272 discharges",
            xAxis: AxisSpec("Discharges", unit: "episodes", format: .integer), yAxis: AxisSpec(""))
    }

    static func sessionMix() -> ChartSpec {
        let types = ["Group", "Individual", "Family", "Psychiatry", "Psychoeducation"]
        let shares: [[Double]] = [[0.52, 0.18, 0.06, 0.09, 0.15], [0.58, 0.16, 0.04, 0.08, 0.14],
                                  [0.49, 0.20, 0.05, 0.12, 0.14], [0.44, 0.17, 0.18, 0.07, 0.14]]
        let series = types.enumerated().map { k, name in
            ValueSeries(name: name, values: shares.map { .value($0[k]) })
        }
        return ChartSpec(
            kind: .bar(BarChartData(categories: tracks, series: series)),
            title: "Session mix by track",
            subtitle: "Nov 2025 – Oct 2026 · n = 14,206 attended sessions",
            xAxis: AxisSpec("Track"), yAxis: AxisSpec("Share", unit: "% of attended sessions", format: .percent, domain: 0...1))
    }

    static func retentionCurves() -> ChartSpec {
        var random = GalleryRandom(seed: 5)
        let hazards = [0.006, 0.011, 0.009, 0.007]
        let starts = [96, 74, 58, 41]
        let riskTimes: [Double] = [0, 14, 28, 42, 56, 70, 84]
        let curves = tracks.indices.map { t -> SurvivalCurve in
            var survival = 1.0
            var steps: [SurvivalStep] = []
            var censors: [Double] = []
            var day = 0.0
            while day < 84 {
                day += 1 + (random.next() * 6).rounded(.down)
                if random.next() < 0.35 { censors.append(min(day + 0.5, 84)) ; continue }
                survival *= 1 - hazards[t] * (2 + random.next() * 4)
                let se = 0.035 + day / 84 * 0.04
                steps.append(SurvivalStep(time: day, survival: survival, lower: max(0, survival - se), upper: min(1, survival + se)))
            }
            let atRisk = riskTimes.map { time -> ChartValue in
                let count = Double(starts[t]) * (1 - time / 110) * (1 - time / 400)
                return count < 11 ? .suppressed : .value(count.rounded())
            }
            return SurvivalCurve(name: tracks[t], steps: steps, censorTimes: censors, atRisk: atRisk)
        }
        return ChartSpec(
            kind: .kaplanMeier(KaplanMeierData(curves: curves, riskTimes: riskTimes, maxTime: 84)),
            title: "Retention in treatment by track",
            subtitle: "Admissions Nov 2025 – Oct 2026, followed to 31 Oct 2026 · n = 269 episodes",
            xAxis: AxisSpec("Days since admission", unit: "days", format: .integer),
            yAxis: AxisSpec("Still engaged", unit: "% not dropped out", format: .percent),
            reference: ReferenceLine(value: 0.5, label: ""))
    }

    static func completionFunnel() -> ChartSpec {
        let sites: [(String, Int, ChartValue)] = [
            ("Northside", 212, 0.71), ("Riverside", 148, 0.66), ("Downtown", 96, 0.49),
            ("Lakeview", 61, 0.74), ("Eastgate", 37, 0.81), ("Hillcrest", 9, .suppressed),
        ]
        let centre = 0.66
        let limits = [(FunnelLimitCurve.Level.ninetyFive, 1.96), (.ninetyNinePointEight, 3.09)].map { level, z in
            FunnelLimitCurve(level: level, points: stride(from: 5.0, through: 240, by: 2.5).map { n in
                let spread = z * (centre * (1 - centre) / n).squareRoot()
                return FunnelLimitPoint(n: n, lower: max(0, centre - spread), upper: min(1, centre + spread))
            })
        }
        let points = sites.map { name, n, p in
            let outside = p.number.map { abs($0 - centre) > 3.09 * (centre * (1 - centre) / Double(n)).squareRoot() } ?? false
            return FunnelPoint(label: name, n: n, proportion: p, isSignal: outside)
        }
        return ChartSpec(
            kind: .funnel(FunnelData(centre: centre, points: points, limits: limits)),
            title: "Completion rate by site",
            subtitle: "Discharges Nov 2025 – Oct 2026 · n = 563 discharges",
            xAxis: AxisSpec("Discharges", unit: "n", format: .integer),
            yAxis: AxisSpec("Completed", unit: "% of discharges", format: .percent))
    }
}
