import Charts
import OutcomesTestSupport
import Testing

/// SPC charts in phases and with excluded points, as the `spc` command draws them.
struct SPCPhaseSceneTests {
    let measurer = FixedWidthTextMeasurer()

    /// Two phases of three points (centres 11 and 21); the fifth point is excluded.
    private func spec() -> ChartSpec {
        let values: [Double] = [10, 12, 11, 20, 30, 21]
        let points = values.enumerated().map { index, value in
            let second = index >= 3
            return SPCPoint(label: "m\(index + 1)", value: .value(value), centre: second ? 21 : 11,
                            lower: second ? 17 : 7, upper: second ? 25 : 15,
                            isIncluded: index != 4, phase: second ? 1 : 0)
        }
        return ChartSpec(kind: .spc(SPCSeries(chart: .i, points: points)), title: "Phases", subtitle: "",
                         xAxis: AxisSpec("Period"),
                         yAxis: AxisSpec("Value"))
    }

    @Test func limitsBreakWhereAPhaseStartsAndADividerMarksIt() throws {
        let scene = Chart.build(spec(), size: .fullWidth, measurer: measurer)
        let bottom = try #require(scene.metadata.axis(.bottom))
        // Then one centre-line segment per phase, each flat at its own centre
        let axis = try #require(scene.metadata.axis(.left))
        let centres = scene.metadata.marks(.centreLine)
        #expect(centres.count == 2)
        #expect(centres[0].points.allSatisfy { approximately($0.y, axis.position(of: 11)) })
        #expect(centres[1].points.allSatisfy { approximately($0.y, axis.position(of: 21)) })
        #expect(scene.metadata.marks(.upperLimit).count == 2)
        // and a divider halfway between the 3rd and 4th points
        let divider = try #require(scene.metadata.marks(.phaseDivider).first)
        let middle = (bottom.ticks[2].position + bottom.ticks[3].position) / 2
        #expect(divider.points.allSatisfy { approximately($0.x, middle) })
    }

    @Test func anExcludedPointIsDrawnAndNamedButNotASignal() {
        let scene = Chart.build(spec(), size: .fullWidth, measurer: measurer)
        // 30 lies above its phase's upper limit 25 but is excluded: a data point, not a signal
        #expect(scene.metadata.marks(.dataPoint).contains { $0.index == 4 })
        #expect(scene.metadata.marks(.signal).isEmpty)
        #expect(scene.metadata.notes.contains("Left out of the centre, limits and runs: m5."))
    }
}
