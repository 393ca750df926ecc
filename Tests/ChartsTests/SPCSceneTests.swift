import Charts
import OutcomesTestSupport
import Testing

struct SPCSceneTests {
    let measurer = FixedWidthTextMeasurer()

    @Test func centreLineSitsAtTheCentreValue() throws {
        // Given a p-chart centred on 80%
        let scene = Chart.build(ChartFixtures.pChart(), size: .fullWidth, measurer: measurer)
        let axis = try #require(scene.metadata.axis(.left))
        // When
        let centre = try #require(scene.metadata.marks(.centreLine).first)
        // Then the centre line is flat at y(0.8)
        #expect(centre.points.allSatisfy { approximately($0.y, axis.position(of: 0.8)) })
    }

    @Test func limitsStepWithEachPointsN() throws {
        let scene = Chart.build(ChartFixtures.pChart(), size: .fullWidth, measurer: measurer)
        let axis = try #require(scene.metadata.axis(.left))
        let bottom = try #require(scene.metadata.axis(.bottom))
        let upper = try #require(scene.metadata.marks(.upperLimit).first)
        // Month 3 (n = 100) has upper limit 0.8 + 3·sqrt(0.16/100) = 0.92, flat across its band.
        let x = bottom.ticks[2].position
        let atMonth = upper.points.filter { abs($0.y - (axis.position(of: 0.92) ?? 0)) < 0.01 }
        #expect(atMonth.count == 2)
        #expect(atMonth.map(\.x).min() ?? 0 < x && atMonth.map(\.x).max() ?? 0 > x)
        // Six different n: the line has a flat pair per month.
        #expect(upper.points.count == 12)
        #expect(scene.metadata.marks(.lowerLimit).count == 1)
    }

    @Test func signalPointsAreMarkedAndExplained() throws {
        let scene = Chart.build(ChartFixtures.pChart(), size: .fullWidth, measurer: measurer)
        let axis = try #require(scene.metadata.axis(.left))
        let signals = scene.metadata.marks(.signal)
        #expect(signals.map(\.index) == [3])
        #expect(approximately(signals.first?.points.first?.y, axis.position(of: 0.9)))
        #expect(scene.metadata.notes.contains("Signal: Aug 26 above the upper limit (90%)."))
    }

    @Test func suppressedValuesAreWrittenNotPlotted() {
        let scene = Chart.build(ChartFixtures.pChart(suppressing: 2), size: .fullWidth, measurer: measurer)
        #expect(!scene.metadata.marks(.dataPoint).contains { $0.index == 2 })
        #expect(scene.metadata.marks(.suppressed).map(\.index) == [2])
        #expect(scene.hasText("<11"))
        #expect(scene.metadata.notes.contains { $0.contains("Jul 26") && $0.contains("<11") })
    }

    @Test func aChartWithoutSignalsSaysSo() {
        var spec = ChartFixtures.pChart()
        if case .spc(var series) = spec.kind {
            series.points[3].signal = nil
            spec.kind = .spc(series)
        }
        let scene = Chart.build(spec, size: .halfWidth, measurer: measurer)
        #expect(scene.metadata.marks(.signal).isEmpty)
        #expect(scene.metadata.notes.first?.hasPrefix("No signals") == true)
    }

    @Test func buildingIsDeterministic() {
        let spec = ChartFixtures.pChart()
        #expect(Chart.build(spec, size: .fullWidth, measurer: measurer) == Chart.build(spec, size: .fullWidth, measurer: measurer))
    }
}
