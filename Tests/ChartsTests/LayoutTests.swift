import Charts
import OutcomesTestSupport
import Testing

/// Every gallery chart at the two report sizes: labels never overlap and stay inside the chart.
struct LayoutTests {
    static let cases: [(String, Size)] = ChartGallery.specs().flatMap { name, _ in
        [(name, Size.fullWidth), (name, Size.halfWidth)]
    }

    @Test(arguments: cases)
    func labelsNeverOverlapAndStayInside(name: String, size: Size) throws {
        let spec = try #require(ChartGallery.specs().first { $0.name == name }?.spec)
        let scene = Chart.build(spec, size: size, measurer: FixedWidthTextMeasurer())
        let overlaps = ChartLabelOverlap.overlappingPairs(in: scene)
        #expect(overlaps.isEmpty, "\(overlaps.map { "\($0.0.text) × \($0.1.text)" })")
        #expect(ChartLabelOverlap.labelsOutside(scene).map(\.text) == [])
    }

    @Test(arguments: cases)
    func everyChartHasTitleSubtitleAndAxisTitles(name: String, size: Size) throws {
        let spec = try #require(ChartGallery.specs().first { $0.name == name }?.spec)
        let scene = Chart.build(spec, size: size, measurer: FixedWidthTextMeasurer())
        let texts = scene.textRuns.map(\.text)
        #expect(texts.contains { spec.title.hasPrefix($0.replacingOccurrences(of: "\u{2026}", with: "")) })
        #expect(texts.contains { spec.subtitle.hasPrefix($0.replacingOccurrences(of: "\u{2026}", with: "")) })
        #expect(scene.metadata.axes.count == 2)
        #expect(scene.metadata.plotArea.map { $0.width > 40 && $0.height > 30 } == true)
    }

    @Test func longCategoryLabelsAreTruncatedWithAnEllipsis() {
        let data = BarChartData(categories: ["Stepped up to partial hospitalization or residential care", "Completed"],
                                series: [ValueSeries(name: "n", values: [12, 40])], orientation: .horizontal)
        let spec = ChartSpec(kind: .bar(data), title: "Reasons", subtitle: "2026", xAxis: AxisSpec("Discharges"), yAxis: AxisSpec(""))
        let scene = Chart.build(spec, size: .halfWidth, measurer: FixedWidthTextMeasurer())
        let left = scene.metadata.axis(.left)?.ticks.compactMap(\.label) ?? []
        #expect(left.first?.hasSuffix("\u{2026}") == true)
        #expect(left.last == "Completed")
    }

    @Test func crowdedMonthsAreThinnedKeepingTheNewest() throws {
        let spec = ChartGallery.specs()[0].spec
        let scene = Chart.build(spec, size: .halfWidth, measurer: FixedWidthTextMeasurer())
        let ticks = try #require(scene.metadata.axis(.bottom)?.ticks)
        #expect(ticks.count == 24)
        #expect(ticks.last?.label == "Oct 26")
        #expect(ticks.compactMap(\.label).count < 24)
    }

    @Test func percentAxesReadAsPercentages() throws {
        let scene = Chart.build(ChartFixtures.pChart(), size: .fullWidth, measurer: FixedWidthTextMeasurer())
        let ticks = try #require(scene.metadata.axis(.left)?.ticks)
        let labels = ticks.compactMap(\.label)
        #expect(labels.allSatisfy { $0.hasSuffix("%") })
    }
}

/// Long category names along the bottom: wrapped when two lines do, else rotated and truncated.
struct CategoryLabelTests {
    static func bars(_ names: [String]) -> ChartSpec {
        ChartSpec(kind: .bar(BarChartData(categories: names, series: [ValueSeries(name: "n", values: names.map { _ in 20 })])),
                  title: "Sessions", subtitle: "2026", xAxis: AxisSpec("Staff member"), yAxis: AxisSpec("Sessions", format: .integer))
    }

    @Test(arguments: [Size.fullWidth, Size.halfWidth])
    func manyLongNamesAreRotatedWithoutOverlap(size: Size) {
        let names = (1...14).map { "Clinician number \($0) of the evening programme" }
        let scene = Chart.build(Self.bars(names), size: size, measurer: FixedWidthTextMeasurer())
        let rotated = scene.textRuns.filter { $0.rotation == -45 }
        #expect(!rotated.isEmpty)
        #expect(rotated.allSatisfy { $0.text.hasSuffix("\u{2026}") })
        #expect(ChartLabelOverlap.overlappingPairs(in: scene).isEmpty)
        #expect(ChartLabelOverlap.labelsOutside(scene).isEmpty)
    }

    @Test func twoWordNamesWrapOntoTwoLines() {
        let scene = Chart.build(Self.bars(["Depression & anxiety", "Substance use", "Dual diagnosis", "Adolescent"]),
                                size: .halfWidth, measurer: FixedWidthTextMeasurer())
        #expect(scene.hasText("Depression &") && scene.hasText("anxiety"))
        #expect(scene.textRuns.allSatisfy { $0.rotation == 0 || $0.rotation == -90 })
        #expect(ChartLabelOverlap.overlappingPairs(in: scene).isEmpty)
    }
}
