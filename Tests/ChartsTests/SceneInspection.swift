import Charts

/// Maps data values to scene coordinates through an axis's ticks, as a reader of the scene would.
extension AxisInfo {
    func position(of value: Double) -> Double? {
        let labelled = ticks
        guard let a = labelled.first, let b = labelled.last, b.value != a.value else { return nil }
        return a.position + (value - a.value) / (b.value - a.value) * (b.position - a.position)
    }
}

extension Scene {
    func hasText(_ text: String) -> Bool {
        textRuns.contains { $0.text == text }
    }
}

func approximately(_ a: Double?, _ b: Double?, within tolerance: Double = 0.01) -> Bool {
    guard let a, let b else { return false }
    return abs(a - b) <= tolerance
}
