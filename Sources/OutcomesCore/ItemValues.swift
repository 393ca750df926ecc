/// The responses one item allows: every step from `lowest` to `highest` (`0...3`, or 0 to 10
/// in steps of 0.1), or a short explicit list (AUDIT items 9 and 10: 0, 2, 4).
///
/// Never expanded into an array: a range of `[0, 100000000]` costs three scores, and
/// `contains` is arithmetic. Equal sets of values compare equal whichever form made them
/// (`[0, 1, 2, 3]` equals `0...3` in steps of 1).
public struct ItemValues: Hashable, Sendable {
    enum Form: Hashable, Sendable {
        /// `lowest`, `lowest + step`, ... up to `highest`, which is a whole number of steps away.
        case steps(lowest: Score, highest: Score, step: Score)
        /// Sorted, without repeats, not equally spaced (or a single value).
        case list([Score])
    }

    let form: Form

    /// `range.lowerBound`, then every `step` up to the last value within `range` (`step` > 0).
    public init(_ range: ClosedRange<Score>, step: Score = 1) {
        precondition(step > 0, "an item step must be positive")
        let (span, unit, places) = ItemValues.units(range.upperBound - range.lowerBound, step)
        let highest = range.lowerBound + Score(unchecked: span - span % unit, decimals: places)
        form = highest == range.lowerBound
            ? .list([highest]) : .steps(lowest: range.lowerBound, highest: highest, step: step)
    }

    /// Exactly these values (at least one); equally spaced values become steps.
    public init(_ values: [Score]) {
        precondition(!values.isEmpty, "an item needs at least one value")
        var sorted: [Score] = []
        for value in values.sorted() where sorted.last != value { sorted.append(value) }
        let step = sorted.count > 1 ? sorted[1] - sorted[0] : 0
        let even = sorted.count > 2 && zip(sorted, sorted.dropFirst()).allSatisfy { $1 - $0 == step }
        if even || sorted.count == 2, let first = sorted.first, let last = sorted.last {
            form = .steps(lowest: first, highest: last, step: step)
        } else {
            form = .list(sorted)
        }
    }

    /// The lowest allowed response.
    public var lowest: Score {
        switch form {
        case .steps(let lowest, _, _): return lowest
        case .list(let values): return values[0]
        }
    }

    /// The highest allowed response.
    public var highest: Score {
        switch form {
        case .steps(_, let highest, _): return highest
        case .list(let values): return values[values.count - 1]
        }
    }

    /// The step between allowed responses when they are equally spaced.
    public var step: Score? {
        if case .steps(_, _, let step) = form { return step }
        return nil
    }

    /// The explicit values when they are not equally spaced.
    public var list: [Score]? {
        if case .list(let values) = form { return values }
        return nil
    }

    /// How many responses the item allows.
    public var count: Int64 {
        switch form {
        case .list(let values): return Int64(values.count)
        case .steps(let lowest, let highest, let step):
            let (span, unit, _) = ItemValues.units(highest - lowest, step)
            return span / unit + 1
        }
    }

    /// True when `value` is an allowed response.
    public func contains(_ value: Score) -> Bool {
        switch form {
        case .list(let values): return values.contains(value)
        case .steps(let lowest, let highest, let step):
            guard lowest <= value, value <= highest else { return false }
            let (offset, unit, _) = ItemValues.units(value - lowest, step)
            return offset % unit == 0
        }
    }

    /// The largest allowed response at or below `value`, if any.
    public func largest(atMost value: Score) -> Score? {
        guard value >= lowest else { return nil }
        if value >= highest { return highest }
        switch form {
        case .list(let values): return values.last { $0 <= value }
        case .steps(let lowest, _, let step):
            let (offset, unit, places) = ItemValues.units(value - lowest, step)
            return lowest + Score(unchecked: offset - offset % unit, decimals: places)
        }
    }

    /// The smallest allowed response above `value`, if any.
    public func smallest(above value: Score) -> Score? {
        guard value < highest else { return nil }
        guard let below = largest(atMost: value) else { return lowest }
        switch form {
        case .list(let values): return values.first { $0 > value }
        case .steps(_, _, let step): return below + step
        }
    }

    /// A non-negative offset and a positive step as units at the same number of decimals.
    private static func units(_ offset: Score, _ step: Score) -> (offset: Int64, step: Int64, places: Int) {
        let places = max(offset.decimals, step.decimals)
        let scale = { (score: Score) in score.units * Score.powersOfTen[places - score.decimals] }
        return (scale(offset), scale(step), places)
    }
}

extension ItemValues: ExpressibleByArrayLiteral {
    /// Explicit values, as in `[0, 2, 4]`.
    public init(arrayLiteral values: Score...) { self.init(values) }
}

extension ItemValues: CustomStringConvertible {
    /// `0-3` for whole steps, a short list (`0, 2, 4`), or `0-10 in steps of 0.1`; values
    /// without trailing zeros.
    public var description: String {
        let (low, high) = (lowest.normalized, highest.normalized)
        guard let step = step?.normalized else {
            return (list ?? []).map(\.normalized.description).joined(separator: ", ")
        }
        if step == 1 { return "\(low)-\(high)" }
        guard count <= 10 else { return "\(low)-\(high) in steps of \(step)" }
        let values = (0..<Int(count)).map { low + Score(unchecked: step.units * Int64($0), decimals: step.decimals) }
        return values.map(\.normalized.description).joined(separator: ", ")
    }
}
