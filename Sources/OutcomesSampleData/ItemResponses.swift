import OutcomesCore

/// Makes item responses whose scored sum is a target total, spread over the items within
/// their allowed values, and scores them with the instrument's own rules.
enum ItemResponses {
    /// Raw responses for `instrument` whose scored sum is `target` (clamped to what the items
    /// allow). Reverse-scored items are written as raw responses.
    static func responses(for instrument: Instrument, target: Int, random: inout SampleRandom) -> [Int?] {
        let count = instrument.itemCount
        let weights = (0..<count).map { _ in 0.5 + random.unit() }
        let weightSum = weights.reduce(0, +)
        // A first proportional share per item, then single steps for what is left.
        var scored = (0..<count).map { index in
            let share = Int(Double(target) * weights[index] / weightSum)
            return instrument.itemValues[index].filter { $0 <= share }.max() ?? instrument.itemValues[index][0]
        }
        var remaining = target - scored.reduce(0, +)
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
            scored[best] += step
            remaining -= step
        }
        return scored.enumerated().map { index, value in
            let allowed = instrument.itemValues[index]
            guard instrument.reverseScoredItems.contains(index + 1),
                  let low = allowed.min(), let high = allowed.max() else { return value }
            return high + low - value
        }
    }

    /// The scored total of responses, or nil when the instrument's missing-item rule refuses them.
    static func total(of instrument: Instrument, items: [Int?]) -> Int? {
        if case .scored(let total, _) = instrument.score(items: items) { return total }
        return nil
    }

    /// The increase to the next allowed value above `value`, nil at the top.
    private static func nextStep(_ allowed: [Int], from value: Int) -> Int? {
        for candidate in allowed where candidate > value { return candidate - value }
        return nil
    }
}
