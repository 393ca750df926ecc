import CairoRender
import Charts
import Foundation

/// Builds and renders 100 charts (the gallery's kinds, repeated) to SVG in this process:
/// target under 1 second.
enum ChartRenderBench {
    static func run() throws -> ChildProcess.Measurement {
        let measurer = try PangoTextMeasurer()
        let renderer = CairoRenderer()
        let gallery = ChartGallery.specs()
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let cpuBefore = usage.cpuSeconds
        let start = DispatchTime.now()
        var bytes = 0
        for index in 0..<100 {
            let spec = gallery[index % gallery.count].spec
            bytes += try renderer.render(Chart.build(spec, measurer: measurer), as: .svg).count
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return ChildProcess.Measurement(seconds: seconds, cpuSeconds: usage.cpuSeconds - cpuBefore,
                                        peakMegabytes: Double(usage.ru_maxrss) / 1024, output: "\(bytes)")
    }
}
