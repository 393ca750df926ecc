import Charts

/// Small chart specs with hand-checkable numbers, for layout tests.
public enum ChartFixtures {
    /// A p-chart of six months: centre 0.8, limits that widen as n shrinks, month 4 above its upper limit.
    public static func pChart(suppressing suppressed: Int? = nil) -> ChartSpec {
        let n = [200, 150, 100, 250, 200, 50]
        let values = [0.80, 0.78, 0.83, 0.90, 0.79, 0.76]
        let points = n.indices.map { i -> SPCPoint in
            let sigma = (0.8 * 0.2 / Double(n[i])).squareRoot()
            return SPCPoint(
                label: ["May 26", "Jun 26", "Jul 26", "Aug 26", "Sep 26", "Oct 26"][i],
                value: i == suppressed ? .suppressed : .value(values[i]), n: n[i], centre: 0.8,
                lower: 0.8 - 3 * sigma, upper: 0.8 + 3 * sigma, signal: i == 3 ? .aboveUpperLimit : nil)
        }
        return ChartSpec(
            kind: .spc(SPCSeries(chart: .p, points: points)),
            title: "Attendance rate", subtitle: "May – Oct 2026 · n = 950 sessions",
            xAxis: AxisSpec("Month"), yAxis: AxisSpec("Attendance", unit: "% of scheduled", format: .percent))
    }

    /// Two Kaplan-Meier curves with known steps and censor times.
    public static func kaplanMeier() -> ChartSpec {
        let curves = [
            SurvivalCurve(name: "Track A", steps: [SurvivalStep(time: 10, survival: 0.9), SurvivalStep(time: 30, survival: 0.6)],
                          censorTimes: [20, 50], atRisk: [20, 18, 12, .suppressed]),
            SurvivalCurve(name: "Track B", steps: [SurvivalStep(time: 5, survival: 0.75)], censorTimes: [40], atRisk: [12, .suppressed, .suppressed, .suppressed]),
        ]
        return ChartSpec(
            kind: .kaplanMeier(KaplanMeierData(curves: curves, riskTimes: [0, 20, 40, 60], maxTime: 60)),
            title: "Retention", subtitle: "2026 · n = 32 episodes",
            xAxis: AxisSpec("Days since admission", unit: "days", format: .integer),
            yAxis: AxisSpec("Retained", unit: "%", format: .percent))
    }
}
