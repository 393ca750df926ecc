import OutcomesCore

/// Makes item responses whose scored sum is a target total, spread over the items within
/// their allowed values, and scores them with the instrument's own rules.
enum ItemResponses {
    /// Raw responses for `instrument` whose scored sum is `target` (clamped to what the items
    /// allow). Reverse-scored items are written as raw responses.
    static func responses(for instrument: Instrument, target: Int, random: inout SampleRandom) -> [Score?] {
        let count = instrument.itemCount
        let weights = (0..<count).map { _ in 0.5 + random.unit() }
        let weightSum = weights.reduce(0, +)
        // A first proportional share per item, then single steps for what is left.
        var scored = (0..<count).map { index in
            let share = Score(Int(Double(target) * weights[index] / weightSum))
            let allowed = instrument.itemValues[index]
            return allowed.largest(atMost: share) ?? allowed.lowest
        }
        var remaining = Score(target) - scored.reduce(Score(0), +)
        while remaining > 0 {
            var best = -1
            var bestKey = -1.0
            for index in 0..<count {
                guard let step = nextStep(instrument.itemValues[index], from: scored[index]), step <= remaining
                else { continue }
                let key = weights[index] * random.unit()
                if key > bestKey { bestKey = key; best = index }
            }
            guard best >= 0, let step = nextStep(instrument.itemValues[best], from: scored[best]) else { break }
            scored[best] = scored[best] + step
            remaining = remaining - step
        }
        return scored.enumerated().map { index, value in
            let allowed = instrument.itemValues[index]
            guard instrument.reverseScoredItems.contains(index + 1) else { return value }
            return allowed.highest + allowed.lowest - value
        }
    }

    /// The scored total of responses, or nil when the instrument's missing-item rule refuses them.
    static func total(of instrument: Instrument, items: [Score?]) -> Score? {
        if case .scored(let total, _) = instrument.score(items: items) { return total }
        return nil
    }

    /// The increase to the next allowed value above `value`, nil at the top.
    private static func nextStep(_ allowed: ItemValues, from value: Score) -> Score? {
        allowed.smallest(above: value).map { $0 - value }
    }
}
