import Foundation

extension ValueFormat {
    /// Writes `value` for a tick on an axis whose ticks are `step` apart.
    public func tickLabel(_ value: Double, step: Double) -> String {
        switch self {
        case .percent: return Self.fixed(value * 100, decimals: Self.decimals(for: step * 100)) + "%"
        case .integer: return Self.fixed(value, decimals: 0)
        case .number: return Self.fixed(value, decimals: Self.decimals(for: step))
        }
    }

    /// Writes a data value for a label beside a mark.
    public func valueLabel(_ value: Double) -> String {
        switch self {
        case .percent: return Self.fixed(value * 100, decimals: abs(value) < 0.01 && value != 0 ? 1 : 0) + "%"
        case .integer: return Self.fixed(value, decimals: 0)
        case .number: return Self.fixed(value, decimals: abs(value) >= 100 ? 0 : 1)
        }
    }

    /// Decimals needed so that ticks `step` apart read differently.
    static func decimals(for step: Double) -> Int {
        guard step > 0, step.isFinite else { return 0 }
        var decimals = 0
        var scaled = step
        while decimals < 6, abs(scaled - scaled.rounded()) > 1e-6 * max(1, abs(scaled)) {
            scaled *= 10
            decimals += 1
        }
        return decimals
    }

    /// Fixed-point text for people, in charts and the reports' tables alike: a true minus sign,
    /// thousands separators from 1,000 on, never "-0".
    public static func fixed(_ value: Double, decimals: Int) -> String {
        let factor = pow(10, Double(decimals))
        let rounded = (abs(value) * factor).rounded() / factor
        var text = String(format: "%.\(decimals)f", rounded)
        let parts = text.split(separator: ".", maxSplits: 1).map(String.init)
        if let whole = parts.first, whole.count > 3 {
            text = groupThousands(whole) + (parts.count > 1 ? "." + parts[1] : "")
        }
        return value < 0 && rounded != 0 ? "\u{2212}" + text : text
    }

    private static func groupThousands(_ digits: String) -> String {
        var out = ""
        for (i, ch) in digits.reversed().enumerated() {
            if i > 0, i % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return String(out.reversed())
    }
}
