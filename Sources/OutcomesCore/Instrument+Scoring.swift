/// The outcome of scoring item responses.
public enum ItemScore: Hashable, Sendable {
    /// A valid raw total and how it was obtained.
    case scored(total: Score, method: ScoringMethod)
    /// Item `item` (1-based) holds a value the item does not allow.
    case itemOutOfRange(item: Int, value: Score)
    /// More items are missing than the instrument's rule allows.
    case tooManyMissing(missing: Int, allowed: Int)
}

extension Instrument {
    /// Scores raw item responses (nil = unanswered): reverse-scores the items that need it,
    /// sums exactly, and prorates missing items when the rule allows (mean of answered items x
    /// item count, rounded half up to the instrument's decimals).
    public func score(items: [Score?]) -> ItemScore {
        precondition(items.count == itemCount, "\(code) has \(itemCount) items")
        var sum = Score(0)
        var answered = 0
        for (index, response) in items.enumerated() {
            guard let response else { continue }
            let allowed = itemValues[index]
            guard allowed.contains(response) else { return .itemOutOfRange(item: index + 1, value: response) }
            let reversed = allowed.highest + allowed.lowest - response
            sum = sum + (reverseScoredItems.contains(index + 1) ? reversed : response)
            answered += 1
        }
        let missing = itemCount - answered
        if missing == 0 { return .scored(total: sum, method: .complete) }
        guard missing <= allowedMissingItems, answered > 0, let units = sum.rescaled(to: decimals)?.units else {
            return .tooManyMissing(missing: missing, allowed: allowedMissingItems)
        }
        // Half-up rounding of sum x n / answered in integers: floor((2 x sum x n + answered) / (2 x answered)).
        let prorated = Instrument.floorDivision(2 * units * Int64(itemCount) + Int64(answered), 2 * Int64(answered))
        return .scored(total: Score(unchecked: prorated, decimals: decimals), method: .prorated)
    }

    /// How many items may be blank before a form is refused.
    public var allowedMissingItems: Int {
        switch missingItemRule {
        case .strict: return 0
        case .prorate(let maxMissing): return maxMissing
        }
    }

    /// `numerator / denominator` rounded towards minus infinity (`denominator` > 0), so that
    /// half-up rounding holds for negative totals too.
    private static func floorDivision(_ numerator: Int64, _ denominator: Int64) -> Int64 {
        let quotient = numerator / denominator
        return numerator % denominator < 0 ? quotient - 1 : quotient
    }
}
