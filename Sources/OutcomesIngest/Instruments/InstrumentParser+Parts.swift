import OutcomesCore
import Yams

extension InstrumentParser {
    /// The most values an item may list one by one (`values: {9: [0, 2, 4]}`); a longer set is a range.
    static let maxListedValues = 100

    /// `items: {count, range, step, values}` -> allowed responses per item. A range is kept as
    /// its ends and step (one unit of `decimals` unless given), never as a list of values.
    func itemValues(_ node: Node, decimals: Int) throws -> [ItemValues] {
        let fields = try document.mapping(node, "items", allowed: ["count", "range", "step", "values"])
        let field = { (key: String) in fields.first { $0.key == key }?.value }
        guard let countNode = field("count") else { throw document.error(node, "items needs a count") }
        let count = try document.int(countNode, "items count")
        guard (1...1000).contains(count) else { throw document.error(countNode, "items count must be 1 to 1000") }
        var common: ItemValues?
        if let rangeNode = field("range") {
            let bounds = try range(rangeNode, "items range")
            common = ItemValues(bounds, step: try step(field("step"), decimals: decimals, range: bounds, rangeNode))
        }
        var values = [ItemValues?](repeating: common, count: count)
        if let perItem = field("values") {
            for entry in try document.mapping(perItem, "items values") {
                guard let number = Int(entry.key), (1...count).contains(number) else {
                    throw document.error(entry.keyNode, "'\(entry.key)' is not an item number from 1 to \(count)")
                }
                let allowed = try document.scoreList(entry.value, "values of item \(number)")
                guard (1...Self.maxListedValues).contains(allowed.count) else {
                    throw document.error(entry.value, "item \(number) lists 1 to \(Self.maxListedValues) values; "
                                         + "give a range and a step for more")
                }
                values[number - 1] = ItemValues(allowed)
            }
        }
        return try values.enumerated().map { index, allowed in
            guard let allowed else { throw document.error(node, "item \(index + 1) has neither a range nor values") }
            return allowed
        }
    }

    /// The step of an item range (one unit of `decimals` unless given): positive, and the
    /// range's bounds and step at most `decimals` places, the range a whole number of steps.
    private func step(_ node: Node?, decimals: Int, range: ClosedRange<Score>,
                      _ rangeNode: Node) throws -> Score {
        for bound in [range.lowerBound, range.upperBound] where bound.rescaled(to: decimals) == nil {
            throw document.error(rangeNode, "items range bound \(bound) has more than \(decimals) decimal places")
        }
        let unit = Score(units: 1, decimals: decimals) ?? 1
        let step = try node.map { try document.score($0, "items step") } ?? unit
        guard step > 0, step.rescaled(to: decimals) != nil else {
            throw document.error(node ?? rangeNode,
                                 "items step must be positive, with at most \(decimals) decimal places")
        }
        guard ItemValues(range, step: step).highest == range.upperBound else {
            let bounds = "\(range.lowerBound)...\(range.upperBound)"
            throw document.error(node ?? rangeNode, "items range \(bounds) is not a whole number of steps of \(step)")
        }
        return step
    }

    /// `[low, high]` with low <= high, exact.
    func range(_ node: Node, _ what: String) throws -> ClosedRange<Score> {
        let bounds = try document.scoreList(node, what)
        guard bounds.count == 2, bounds[0] <= bounds[1] else {
            throw document.error(node, "\(what) must be [low, high] with low <= high")
        }
        return bounds[0]...bounds[1]
    }

    /// `[{label, from, to}, ...]` on the reporting scale.
    func bands(_ node: Node) throws -> [SeverityBand] {
        try document.sequence(node, "bands").map { band in
            var label: String?, lower: Score?, upper: Score?
            for field in try document.mapping(band, "a band", allowed: ["label", "from", "to"]) {
                switch field.key {
                case "label": label = try document.string(field.value, "label")
                case "from": lower = try document.score(field.value, "from")
                default: upper = try document.score(field.value, "to")
                }
            }
            guard let label, let lower, let upper, lower <= upper else {
                throw document.error(band, "a band needs label, from and to, with from <= to")
            }
            return SeverityBand(label: label, lower: lower, upper: upper)
        }
    }

    /// `{rule: strict}` or `{rule: prorate, max_missing: n}`.
    func missingItemRule(_ node: Node) throws -> MissingItemRule {
        let fields = try document.mapping(node, "missing_items", allowed: ["rule", "max_missing"])
        let rule = try fields.first { $0.key == "rule" }.map { try document.string($0.value, "rule") }
        let maxMissing = try fields.first { $0.key == "max_missing" }.map { try document.int($0.value, "max_missing") }
        switch (rule, maxMissing) {
        case ("strict", nil): return .strict
        case ("prorate", let max?) where max >= 1: return .prorate(maxMissing: max)
        default: throw document.error(node, "missing_items must be {rule: strict} or {rule: prorate, max_missing: n} with n >= 1")
        }
    }
}
