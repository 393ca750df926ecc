import Charts
import OutcomesTestSupport
import Testing

/// Scene descriptions of small fixtures, compared with `Tests/Golden/ChartsTests/*.txt` (`RECORD_GOLDEN=1 swift test` re-records).
struct SceneGoldenTests {
    static let fixtures: [String: (ChartSpec, Size)] = [
        "p-chart-full": (ChartFixtures.pChart(), .fullWidth),
        "p-chart-suppressed-half": (ChartFixtures.pChart(suppressing: 2), .halfWidth),
        "kaplan-meier-full": (ChartFixtures.kaplanMeier(), .fullWidth),
    ]

    @Test(arguments: fixtures.keys.sorted())
    func sceneMatchesItsGoldenDescription(name: String) throws {
        let (spec, size) = try #require(Self.fixtures[name])
        let scene = Chart.build(spec, size: size, measurer: FixedWidthTextMeasurer())
        let outcome = ChartGoldenFile.check(ChartSceneDescription.describe(scene), name: name, testFile: #filePath)
        #expect(outcome == .matches || outcome == .recorded, "\(outcome)")
    }
}
