/// One example of every chart kind with realistic synthetic numbers, for `make gallery`, benchmarks and eyeballing.
public enum ChartGallery {
    /// Every example, named for its file.
    public static func specs() -> [(name: String, spec: ChartSpec)] {
        [
            ("attendance-p-chart", attendancePChart()),
            ("phq9-change-i-chart", phq9IChart()),
            ("completion-run-chart", completionRunChart()),
            ("attendance-by-track-line", attendanceByTrack()),
            ("discharge-reasons-bar", dischargeReasons()),
            ("severity-bands-stacked-bar", severityBands()),
            ("session-mix-stacked-bar", sessionMix()),
            ("phq9-change-dot-interval", phq9ChangeByTrack()),
            ("phq9-severity-shift-heat-table", severityShift()),
            ("retention-kaplan-meier", retentionCurves()),
            ("goal-attainment", goalAttainment()),
            ("completion-funnel", completionFunnel()),
            ("phq9-spaghetti", phq9Trajectories()),
        ]
    }

    /// The months November 2024 to October 2026 as "Nov 24" ... "Oct 26".
    static let months: [String] = {
        let names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return (0..<24).map { i in
            let m = (10 + i) % 12
            let year = 24 + (10 + i) / 12
            return "\(names[m]) \(year)"
        }
    }()

    static let tracks = ["Depression & anxiety", "Substance use", "Dual diagnosis", "Adolescent"]
}

/// A small deterministic random number generator, so the gallery is the same every run.
struct GalleryRandom {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    /// A number in 0 ..< 1.
    mutating func next() -> Double {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Double(state >> 11) / Double(1 << 53)
    }

    /// Roughly normal (sum of uniforms), mean 0 and standard deviation 1.
    mutating func normal() -> Double {
        (0..<12).reduce(0.0) { sum, _ in sum + next() } - 6
    }
}
