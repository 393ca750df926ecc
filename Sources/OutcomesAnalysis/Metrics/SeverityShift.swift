import OutcomesCore

/// Baseline band x final band counts over an instrument's outcome pairs.
public struct SeverityShift: Hashable, Sendable {
    /// Band labels in the instrument's order (mildest first for higher-is-worse scales).
    public var bands: [String]
    /// `counts[b][f]`: pairs starting in band `b` and ending in band `f`.
    public var counts: [[Int]]
    /// Pairs with a score outside every band (for example a YAML instrument with gaps).
    public var unbanded = 0

    /// Nil for instruments without bands.
    public init?(instrument: Instrument, pairs: [OutcomePair]) {
        guard !instrument.bands.isEmpty else { return nil }
        bands = instrument.bands.map(\.label)
        counts = Array(repeating: Array(repeating: 0, count: bands.count), count: bands.count)
        for pair in pairs {
            guard let from = SeverityShift.bandIndex(instrument, pair.baseline.score),
                  let to = SeverityShift.bandIndex(instrument, pair.final.score)
            else { unbanded += 1; continue }
            counts[from][to] += 1
        }
    }

    private static func bandIndex(_ instrument: Instrument, _ score: Score) -> Int? {
        instrument.bands.firstIndex { $0.contains(score) }
    }
}
