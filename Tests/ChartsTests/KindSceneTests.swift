import Charts
import OutcomesTestSupport
import Testing

/// Where the marks of each chart kind fall, read from the scene.
struct KindSceneTests {
    let measurer = FixedWidthTextMeasurer()

    @Test func kaplanMeierStepsDropAtEventTimes() throws {
        let scene = Chart.build(ChartFixtures.kaplanMeier(), size: .fullWidth, measurer: measurer)
        let x = try #require(scene.metadata.axis(.bottom))
        let y = try #require(scene.metadata.axis(.left))
        let curve = try #require(scene.metadata.marks(.survivalCurve).first { $0.series == "Track A" })
        // Starts at 100%, drops to 90% at day 10 and to 60% at day 30, runs flat to day 60.
        let expected = [(0.0, 1.0), (10, 1.0), (10, 0.9), (30, 0.9), (30, 0.6), (60, 0.6)]
        #expect(curve.points.count == expected.count)
        for (point, (t, s)) in zip(curve.points, expected) {
            #expect(approximately(point.x, x.position(of: t)) && approximately(point.y, y.position(of: s)))
        }
    }

    @Test func censorTicksSitOnTheCurve() throws {
        let scene = Chart.build(ChartFixtures.kaplanMeier(), size: .fullWidth, measurer: measurer)
        let x = try #require(scene.metadata.axis(.bottom))
        let y = try #require(scene.metadata.axis(.left))
        let ticks = scene.metadata.marks(.censorTick).filter { $0.series == "Track A" }
        #expect(ticks.map(\.value) == [20, 50])
        #expect(approximately(ticks.first?.points.first?.x, x.position(of: 20)))
        #expect(approximately(ticks.first?.points.first?.y, y.position(of: 0.9)))
        #expect(approximately(ticks.last?.points.first?.y, y.position(of: 0.6)))
    }

    @Test func episodesCensoredOnOneDayShareATick() throws {
        // Track A censored at 20, 20, 50, 20 and 50: two ticks, at 20 and 50, in that order
        var spec = ChartFixtures.kaplanMeier()
        guard case .kaplanMeier(var data) = spec.kind else { Issue.record("not a Kaplan-Meier fixture"); return }
        data.curves[0].censorTimes = [20, 20, 50, 20, 50]
        spec.kind = .kaplanMeier(data)
        let scene = Chart.build(spec, size: .fullWidth, measurer: measurer)
        #expect(scene.metadata.marks(.censorTick).filter { $0.series == "Track A" }.map(\.value) == [20, 50])
    }

    @Test func riskTableSitsUnderTheAxisWithSuppressedCounts() throws {
        let scene = Chart.build(ChartFixtures.kaplanMeier(), size: .halfWidth, measurer: measurer)
        let plot = try #require(scene.metadata.plotArea)
        let counts = scene.metadata.marks(.riskCount)
        #expect(counts.map(\.text) == ["20", "18", "12", "12"])
        #expect(counts.allSatisfy { $0.points[0].y > plot.maxY })
        #expect(scene.metadata.marks(.suppressed).count == 4)
        #expect(scene.hasText("Number at risk"))
    }

    @Test func funnelDrawsBothLimitLevelsOnBothSides() throws {
        let spec = try #require(ChartGallery.specs().first { $0.name == "completion-funnel" }?.spec)
        let scene = Chart.build(spec, size: .fullWidth, measurer: measurer)
        #expect(scene.metadata.marks(.funnelLimit95).count == 2)
        #expect(scene.metadata.marks(.funnelLimit998).count == 2)
        #expect(scene.metadata.marks(.centreLine).count == 1)
        let plotted = scene.metadata.marks(.dataPoint) + scene.metadata.marks(.signal)
        #expect(plotted.count == 5)
        #expect(scene.metadata.marks(.signal).map(\.series) == ["Downtown"])
        #expect(scene.metadata.notes.contains { $0.contains("Hillcrest") })
        // Every plotted unit is labelled with its name.
        for name in plotted.compactMap(\.series) { #expect(scene.hasText(name)) }
    }

    @Test func funnelNamesStayClearOfTheLimitLinesWhereThereIsRoom() throws {
        // A network's attendance: centre 78.7%, limits from 5,000 to 2,000,000 sessions; "adult-mh"
        // (1,780,000 at 78.64%) sits between the 95% lines near the right edge, where a name drawn
        // beside it crossed them.
        let centre = 0.787
        let limits = [(FunnelLimitCurve.Level.ninetyFive, 1.96), (.ninetyNinePointEight, 3.09)].map { level, z in
            FunnelLimitCurve(level: level, points: stride(from: 5_000.0, through: 2_000_000, by: 25_000).map { n in
                let spread = z * (centre * (1 - centre) / n).squareRoot()
                return FunnelLimitPoint(n: n, lower: centre - spread, upper: centre + spread)
            })
        }
        let units: [(String, Int, Double)] = [("adult-mh", 1_780_000, 0.7862), ("sud", 1_050_000, 0.785),
                                              ("trauma", 700_000, 0.801), ("adolescent", 860_000, 0.7775)]
        let points = units.map { FunnelPoint(label: $0.0, n: $0.1, proportion: .value($0.2)) }
        let spec = ChartSpec(kind: .funnel(FunnelData(centre: centre, points: points, limits: limits)),
                             title: "Attendance rate by track", subtitle: "",
                             xAxis: AxisSpec("Denominator", unit: "n", format: .integer),
                             yAxis: AxisSpec("Attendance rate", unit: "%", format: .percent))
        let scene = Chart.build(spec, size: .halfWidth, measurer: measurer)
        let lines = (scene.metadata.marks(.funnelLimit95) + scene.metadata.marks(.funnelLimit998)
                     + scene.metadata.marks(.centreLine)).map(\.points)
        for (name, _, _) in units {
            let box = try #require(scene.metadata.labels.first { $0.text == name }, "\(name) is named")
            let xs = box.corners.map(\.x), ys = box.corners.map(\.y)
            let label = Rect(x: xs.min()!, y: ys.min()!, width: xs.max()! - xs.min()!, height: ys.max()! - ys.min()!)
            // A segment crosses the label when, at some x inside the label, it lies inside its height.
            let crossing = lines.contains { line in
                zip(line, line.dropFirst()).contains { a, b in
                    let from = max(min(a.x, b.x), label.minX), to = min(max(a.x, b.x), label.maxX)
                    guard from <= to, b.x != a.x else { return false }
                    return [from, to].contains { x in
                        let y = a.y + (b.y - a.y) * (x - a.x) / (b.x - a.x)
                        return y > label.minY && y < label.maxY
                    }
                }
            }
            #expect(!crossing, "\(name) is drawn across a limit or centre line")
        }
    }

    @Test func suppressedBarsAreNotDrawn() throws {
        let spec = try #require(ChartGallery.specs().first { $0.name == "discharge-reasons-bar" }?.spec)
        let scene = Chart.build(spec, size: .halfWidth, measurer: measurer)
        let bars = scene.metadata.marks(.bar)
        #expect(bars.map(\.index) == [0, 1, 2, 3, 4, 6])
        #expect(scene.metadata.marks(.suppressed).map(\.index) == [5, 7])
        #expect(scene.textRuns.filter { $0.text == "<11" }.count == 2)
    }

    @Test func heatTableWritesEveryCellAndSuppressesSmallOnes() throws {
        let spec = try #require(ChartGallery.specs().first { $0.name == "phq9-severity-shift-heat-table" }?.spec)
        let scene = Chart.build(spec, size: .fullWidth, measurer: measurer)
        #expect(scene.metadata.marks(.heatCell).count + scene.metadata.marks(.suppressed).count == 25)
        #expect(scene.metadata.marks(.suppressed).count == 6)
        #expect(scene.metadata.marks(.heatCell).contains { $0.text == "41" })
    }

    @Test func dotIntervalDrawsIntervalsAndTheReferenceLine() throws {
        let spec = try #require(ChartGallery.specs().first { $0.name == "phq9-change-dot-interval" }?.spec)
        let scene = Chart.build(spec, size: .fullWidth, measurer: measurer)
        let x = try #require(scene.metadata.axis(.bottom))
        #expect(scene.metadata.marks(.interval).count == 5)
        let reference = try #require(scene.metadata.marks(.reference).first)
        #expect(approximately(reference.points.first?.x, x.position(of: 0)))
        #expect(scene.metadata.marks(.suppressed).map(\.index) == [5])
    }

    @Test func spaghettiDrawsEveryTrajectoryAndTheMean() throws {
        let spec = try #require(ChartGallery.specs().first { $0.name == "phq9-spaghetti" }?.spec)
        let scene = Chart.build(spec, size: .halfWidth, measurer: measurer)
        #expect(scene.metadata.marks(.trajectory).count == 80)
        #expect(scene.metadata.marks(.meanTrajectory).first?.points.count == 11)
    }

    @Test func spaghettiDrawsAtMost300TrajectoriesEvenlySpaced() throws {
        var spec = try #require(ChartGallery.specs().first { $0.name == "phq9-spaghetti" }?.spec)
        // 601 lines, line k at height k: line i * 601 / 300 is drawn, so 0, 2, 4, ..., 598
        // (299 x 601 / 300 = 598.997), 300 of them
        let lines = (0..<601).map { k in Trajectory(points: [Point(x: 0, y: Double(k)), Point(x: 1, y: Double(k))]) }
        let mean = Trajectory(points: [Point(x: 0, y: 300), Point(x: 1, y: 300)])
        let data = SpaghettiData(trajectories: lines, mean: mean)
        #expect(data.trajectoryCount == 601 && data.trajectories.count == 300)
        #expect(data.trajectories.prefix(3).map { $0.points[0].y } == [0, 2, 4])
        #expect(data.trajectories.last?.points[0].y == 598)
        spec.kind = .spaghetti(data)
        spec.yAxis.domain = 0...600
        let scene = Chart.build(spec, size: .halfWidth, measurer: measurer)
        #expect(scene.metadata.marks(.trajectory).count == 300)
        #expect(scene.hasText("Episodes (300 of 601)"))
        // 300 or fewer are all drawn, and the legend gives their number alone
        let all = SpaghettiData(trajectories: Array(lines.prefix(300)), mean: data.mean)
        #expect(all.trajectories == Array(lines.prefix(300)) && all.trajectoryCount == 300)
    }

    @Test func lineChartDrawsTheTargetAndALegend() throws {
        let spec = try #require(ChartGallery.specs().first { $0.name == "attendance-by-track-line" }?.spec)
        let scene = Chart.build(spec, size: .fullWidth, measurer: measurer)
        let y = try #require(scene.metadata.axis(.left))
        let target = try #require(scene.metadata.marks(.target).first)
        #expect(approximately(target.points.first?.y, y.position(of: 0.85)))
        #expect(scene.hasText("Target 85%"))
        #expect(scene.hasText("Substance use"))
        #expect(scene.metadata.marks(.suppressed).count == 1)
    }
}

struct AnnotationTests {
    @Test func annotationsMarkTheirPlaceOnTheXAxis() throws {
        var spec = ChartFixtures.pChart()
        spec.annotations = [ChartAnnotation(x: 2, label: "New intake process")]
        let scene = Chart.build(spec, size: .fullWidth, measurer: FixedWidthTextMeasurer())
        let ticks = try #require(scene.metadata.axis(.bottom)?.ticks)
        let mark = try #require(scene.metadata.marks(.annotation).first)
        #expect(approximately(mark.points.first?.x, ticks[2].position))
        #expect(scene.hasText("New intake process"))
    }
}
