/// Deterministic number text: `exact` (full precision) for JSON and CSV, fixed rounding for
/// tables people read; no locale.
public enum NumberText {
    /// Rounded half away from zero to `decimals` places, trailing zeros dropped: 0.62, 12, -3.5.
    public static func plain(_ value: Double, decimals: Int = 4) -> String {
        guard value.isFinite else { return "null" }
        let text = fixed(value, decimals: decimals)
        guard text.contains(".") else { return text }
        var trimmed = Substring(text)
        while trimmed.hasSuffix("0") { trimmed = trimmed.dropLast() }
        if trimmed.hasSuffix(".") { trimmed = trimmed.dropLast() }
        return trimmed == "-0" ? "0" : String(trimmed)
    }

    /// Exactly `decimals` places: 0.6200, 12.00.
    public static func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "null" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9e18 else { return String(value) }
        let units = UInt64(scaled)
        let divisor = UInt64(scale)
        let whole = units / divisor
        let negative = value < 0 && units > 0
        var text = (negative ? "-" : "") + String(whole)
        if decimals > 0 {
            let fraction = String(units % divisor)
            text += "." + String(repeating: "0", count: decimals - fraction.count) + fraction
        }
        return text
    }
}

extension NumberText {
    /// Full precision for machine-readable output: the shortest text that reads back as the same
    /// Double (0.1, 12, 1e-05); `null` for nil or a value that is not finite.
    public static func exact(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}
