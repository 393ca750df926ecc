import Charts
import OutcomesTestSupport
import Testing

/// Charts with no data, one point, or everything suppressed still lay out, with a title and axes.
struct EdgeCaseTests {
    static let emptyKinds: [ChartKind] = [
        .spc(SPCSeries(chart: .p, points: [])),
        .spc(SPCSeries(chart: .i, points: [SPCPoint(label: "Oct 26", value: .suppressed)])),
        .line(LineChartData(categories: [], series: [])),
        .line(LineChartData(categories: ["Oct 26"], series: [ValueSeries(name: "A", values: [.value(.nan)])])),
        .bar(BarChartData(categories: ["A", "B"], series: [ValueSeries(name: "n", values: [.suppressed, .suppressed])])),
        .dotInterval(DotIntervalData(rows: [])),
        .heatTable(HeatTableData(rowLabels: [], columnLabels: [], counts: [])),
        .kaplanMeier(KaplanMeierData(curves: [], riskTimes: [])),
        .goalAttainment(GoalAttainmentData(counts: [])),
        .funnel(FunnelData(centre: 0.5, points: [], limits: [])),
        .spaghetti(SpaghettiData(trajectories: [], mean: Trajectory(points: []))),
    ]

    @Test(arguments: emptyKinds)
    func emptyDataStillGivesAFramedChart(kind: ChartKind) {
        let spec = ChartSpec(kind: kind, title: "Nothing yet", subtitle: "Oct 2026 · n = 0", xAxis: AxisSpec("x"), yAxis: AxisSpec("y"))
        let scene = Chart.build(spec, size: .halfWidth, measurer: FixedWidthTextMeasurer())
        #expect(scene.hasText("Nothing yet"))
        #expect(scene.metadata.axes.count == 2)
        #expect(scene.primitives.allSatisfy(Self.isFinite))
    }

    @Test func frozenLimitsAreMarkedWhereTheBaselineEnds() throws {
        var spec = ChartFixtures.pChart()
        guard case .spc(var series) = spec.kind else { return }
        series.baselineCount = 4
        spec.kind = .spc(series)
        let scene = Chart.build(spec, size: .fullWidth, measurer: FixedWidthTextMeasurer())
        let ticks = try #require(scene.metadata.axis(.bottom)?.ticks)
        let divider = try #require(scene.metadata.marks(.baselineDivider).first)
        #expect(approximately(divider.points.first?.x, (ticks[3].position + ticks[4].position) / 2))
    }

    private static func isFinite(_ primitive: Primitive) -> Bool {
        func ok(_ p: Point) -> Bool { p.x.isFinite && p.y.isFinite }
        switch primitive {
        case .polyline(let points, _), .polygon(let points, _, _): return points.allSatisfy(ok)
        case .rect(let rect, _, _), .beginClip(let rect): return rect.corners.allSatisfy(ok)
        case .marker(let marker): return ok(marker.center)
        case .text(let run): return ok(run.position)
        case .endClip: return true
        }
    }
}
