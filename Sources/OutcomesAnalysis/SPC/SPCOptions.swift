/// How a control chart is split, frozen and scaled (qicharts2's `part`, `freeze`, `exclude`, `multiply`).
public struct SPCOptions: Sendable, Equatable {
    /// Scales p and u charts (100 for percent, 1,000 for events per 1,000 patient-days); 1 by default.
    public var multiplier: Double
    /// Centre and limits of the first phase come from this baseline of its points only.
    public var frozen: FrozenLimits?
    /// A new phase starts after each of these many points (qicharts2's `part`); each phase has its
    /// own centre and limits. Values outside 1..<count are ignored.
    public var phaseEnds: [Int]
    /// Indices of points left out of every calculation (still drawn, and never flagged).
    public var excluded: Set<Int>

    /// Options with everything off unless given.
    public init(multiplier: Double = 1, frozen: FrozenLimits? = nil, phaseEnds: [Int] = [], excluded: Set<Int> = []) {
        self.multiplier = multiplier
        self.frozen = frozen
        self.phaseEnds = phaseEnds
        self.excluded = excluded
    }

    /// The index ranges of the phases of a series of `count` points.
    func phaseRanges(count: Int) -> [Range<Int>] {
        let ends = Set(phaseEnds.filter { $0 > 0 && $0 < count }).sorted() + [max(count, 0)]
        var start = 0
        return ends.map { end in
            defer { start = end }
            return start..<end
        }
    }
}
