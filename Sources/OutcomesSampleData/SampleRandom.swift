#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A small seeded pseudo-random generator (SplitMix64) with the draws the generator needs.
///
/// Never uses the system's random source: the same seed gives the same sequence on every
/// platform, which is what makes the sample program byte-identical from run to run.
struct SampleRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// A generator for one stream (an episode, a table) derived from a seed and a stream number.
    init(seed: UInt64, stream: UInt64) {
        var mixer = SampleRandom(seed: seed ^ (stream &* 0xD1B5_4A32_D192_ED03))
        state = mixer.next() ^ stream
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// Uniform integer in the closed range.
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        let width = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int(next() % width)
    }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// Normal draw (Box-Muller).
    mutating func normal(mean: Double, sd: Double) -> Double {
        let u1 = max(unit(), 1e-12)
        let u2 = unit()
        return mean + sd * (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }

    /// One element of a non-empty list.
    mutating func pick<T>(_ list: [T]) -> T { list[Int(next() % UInt64(list.count))] }

    /// One value from (value, weight) pairs; weights need not sum to 1.
    mutating func weighted<T>(_ table: [(T, Double)]) -> T {
        let total = table.reduce(0) { $0 + $1.1 }
        var target = unit() * total
        for (value, weight) in table {
            if target < weight { return value }
            target -= weight
        }
        return table[table.count - 1].0
    }
}
