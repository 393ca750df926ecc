@testable import CairoRender
import Charts
import OutcomesTestSupport
import Testing

/// The drawing path, seen through a recording backend.
struct SceneDrawerTests {
    let scene = Chart.build(ChartFixtures.kaplanMeier(), size: .fullWidth, measurer: FixedWidthTextMeasurer())

    @Test func everyTextRunIsDrawnOnceInOrder() {
        let backend = RecordingBackend()
        SceneDrawer(backend: backend).draw(scene)
        let drawn = backend.calls.compactMap { call -> TextRun? in
            if case .text(let run) = call { return run }
            return nil
        }
        #expect(drawn == scene.textRuns)
    }

    @Test func savesAndRestoresBalanceAndClipsAreScoped() {
        let backend = RecordingBackend()
        SceneDrawer(backend: backend).draw(scene, at: Point(x: 36, y: 72))
        let saves = backend.calls.filter { $0 == .save }.count
        let restores = backend.calls.filter { $0 == .restore }.count
        #expect(saves == restores)
        #expect(backend.calls.first == .save)
        #expect(backend.calls.dropFirst().first == .translate(Point(x: 36, y: 72)))
        #expect(backend.calls.contains { if case .clip = $0 { return true } else { return false } })
    }

    @Test func markersBecomeClosedShapes() {
        let marker = Marker(shape: .diamond, center: Point(x: 10, y: 10), size: 4, fill: Palette.blue)
        let path = SceneDrawer.path(for: marker)
        #expect(path.first == .move(Point(x: 10, y: 7.5)))
        #expect(path.last == .close)
        #expect(SceneDrawer.path(for: Marker(shape: .circle, center: Point(x: 1, y: 2), size: 4, fill: nil))
            == [.circle(center: Point(x: 1, y: 2), radius: 2)])
    }

    @Test func onlyAxisAlignedPathsAreSnapped() {
        #expect(PixelSnapping.isAxisAligned([.move(Point(x: 0, y: 1)), .line(Point(x: 5, y: 1)), .line(Point(x: 5, y: 3))]))
        #expect(!PixelSnapping.isAxisAligned([.move(Point(x: 0, y: 0)), .line(Point(x: 5, y: 1))]))
    }
}
