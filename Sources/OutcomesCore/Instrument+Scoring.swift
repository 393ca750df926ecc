/// The outcome of scoring item responses.
public enum ItemScore: Hashable, Sendable {
    /// A valid raw total and how it was obtained.
    case scored(total: Int, method: ScoringMethod)
    /// Item `item` (1-based) holds a value the item does not allow.
    case itemOutOfRange(item: Int, value: Int)
    /// More items are missing than the instrument's rule allows.
    case tooManyMissing(missing: Int, allowed: Int)
}

extension Instrument {
    /// Scores raw item responses (nil = unanswered): reverse-scores the items that need it,
    /// sums, and prorates missing items when the rule allows (mean of answered items x item
    /// count, rounded half up).
    public func score(items: [Int?]) -> ItemScore {
        precondition(items.count == itemCount, "\(code) has \(itemCount) items")
        var sum = 0
        var answered = 0
        for (index, response) in items.enumerated() {
            guard let response else { continue }
            let allowed = itemValues[index]
            guard allowed.contains(response) else { return .itemOutOfRange(item: index + 1, value: response) }
            let reversed = (allowed.max() ?? response) + (allowed.min() ?? 0) - response
            sum += reverseScoredItems.contains(index + 1) ? reversed : response
            answered += 1
        }
        let missing = itemCount - answered
        if missing == 0 { return .scored(total: sum, method: .complete) }
        let allowedMissing: Int
        switch missingItemRule {
        case .strict: allowedMissing = 0
        case .prorate(let maxMissing): allowedMissing = maxMissing
        }
        guard missing <= allowedMissing, answered > 0 else {
            return .tooManyMissing(missing: missing, allowed: allowedMissing)
        }
        // Half-up rounding of sum * n / answered in integers: floor((2 * sum * n + answered) / (2 * answered)).
        let prorated = (2 * sum * itemCount + answered) / (2 * answered)
        return .scored(total: prorated, method: .prorated)
    }
}
