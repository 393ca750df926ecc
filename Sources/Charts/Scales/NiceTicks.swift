import Foundation

/// Clean tick values on a 1-2-5 ladder ("nice numbers").
public struct NiceTicks: Equatable, Sendable {
    /// Tick values, ascending, exact multiples of `step`.
    public var values: [Double]
    public var step: Double

    /// The coarsest-looking ticks: the smallest 1-2-5 step that covers `lower...upper`
    /// with at most `maxCount` ticks, extended outward to whole steps.
    public init(lower: Double, upper: Double, maxCount: Int) {
        var lo = min(lower, upper)
        var hi = max(lower, upper)
        if hi - lo < 1e-12 {
            let pad = lo == 0 ? 1 : abs(lo) * 0.1
            lo -= pad
            hi += pad
        }
        let count = max(2, maxCount)
        let rough = (hi - lo) / Double(count - 1)
        var exponent = Int(floor(log10(rough)))
        for _ in 0..<40 {
            for mantissa in [1, 2, 5] {
                let step = NiceTicks.step(mantissa: mantissa, exponent: exponent)
                let first = (lo / step + 1e-9).rounded(.down)
                let last = (hi / step - 1e-9).rounded(.up)
                if Int(last - first) + 1 <= count {
                    self.step = step
                    self.values = (Int(first)...Int(last)).map { NiceTicks.value(k: $0, mantissa: mantissa, exponent: exponent) }
                    return
                }
            }
            exponent += 1
        }
        self.step = hi - lo
        self.values = [lo, hi]
    }

    private static func step(mantissa: Int, exponent: Int) -> Double {
        value(k: 1, mantissa: mantissa, exponent: exponent)
    }

    /// k × mantissa × 10^exponent, computed so that 0.6 is 6/10 and not 3 × 0.2.
    private static func value(k: Int, mantissa: Int, exponent: Int) -> Double {
        let whole = Double(k * mantissa)
        return exponent >= 0 ? whole * pow(10, Double(exponent)) : whole / pow(10, Double(-exponent))
    }

    public var lower: Double { values.first ?? 0 }
    public var upper: Double { values.last ?? 1 }
}
