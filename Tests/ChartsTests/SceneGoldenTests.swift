import Charts
import OutcomesTestSupport
import Testing

/// Scene descriptions of small fixtures, compared with `Tests/Golden/ChartsTests/*.txt` (`RECORD_GOLDEN=1 swift test` re-records).
struct SceneGoldenTests {
    @Test(arguments: [
        ("p-chart-full", ChartFixtures.pChart(), Size.fullWidth),
        ("p-chart-suppressed-half", ChartFixtures.pChart(suppressing: 2), Size.halfWidth),
        ("kaplan-meier-full", ChartFixtures.kaplanMeier(), Size.fullWidth),
    ])
    func sceneMatchesItsGoldenDescription(name: String, spec: ChartSpec, size: Size) {
        let scene = Chart.build(spec, size: size, measurer: FixedWidthTextMeasurer())
        let outcome = ChartGoldenFile.check(ChartSceneDescription.describe(scene), name: name, testFile: #filePath)
        #expect(outcome == .matches || outcome == .recorded)
    }
}
