import OutcomesCore
import Yams

extension InstrumentParser {
    /// `items: {count, range, values}` -> allowed responses per item.
    func itemValues(_ node: Node) throws -> [[Int]] {
        let fields = try document.mapping(node, "items", allowed: ["count", "range", "values"])
        let field = { (key: String) in fields.first { $0.key == key }?.value }
        guard let countNode = field("count") else { throw document.error(node, "items needs a count") }
        let count = try document.int(countNode, "items count")
        guard (1...1000).contains(count) else { throw document.error(countNode, "items count must be 1 to 1000") }
        var common: [Int]?
        if let rangeNode = field("range") { common = Array(try range(rangeNode, "items range")) }
        var values = [[Int]?](repeating: common, count: count)
        if let perItem = field("values") {
            for entry in try document.mapping(perItem, "items values") {
                guard let number = Int(entry.key), (1...count).contains(number) else {
                    throw document.error(entry.keyNode, "'\(entry.key)' is not an item number from 1 to \(count)")
                }
                let allowed = try document.intList(entry.value, "values of item \(number)")
                guard !allowed.isEmpty else { throw document.error(entry.value, "item \(number) needs at least one value") }
                values[number - 1] = allowed
            }
        }
        return try values.enumerated().map { index, allowed in
            guard let allowed else { throw document.error(node, "item \(index + 1) has neither a range nor values") }
            return allowed
        }
    }

    /// `[low, high]` with low <= high.
    func range(_ node: Node, _ what: String) throws -> ClosedRange<Int> {
        let bounds = try document.intList(node, what)
        guard bounds.count == 2, bounds[0] <= bounds[1] else { throw document.error(node, "\(what) must be [low, high] with low <= high") }
        return bounds[0]...bounds[1]
    }

    /// `[{label, from, to}, ...]` on the reporting scale.
    func bands(_ node: Node) throws -> [SeverityBand] {
        try document.sequence(node, "bands").map { band in
            var label: String?, lower: Double?, upper: Double?
            for field in try document.mapping(band, "a band", allowed: ["label", "from", "to"]) {
                switch field.key {
                case "label": label = try document.string(field.value, "label")
                case "from": lower = try document.double(field.value, "from")
                default: upper = try document.double(field.value, "to")
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

    /// Cross-field checks once the entry is complete.
    func check(_ instrument: Instrument, _ node: Node) throws {
        let count = instrument.itemCount
        if let bad = instrument.reverseScoredItems.sorted().first(where: { !(1...count).contains($0) }) {
            throw document.error(node, "\(instrument.code): reverse-scored item \(bad) is not an item from 1 to \(count)")
        }
        if case .prorate(let max) = instrument.missingItemRule, max >= count {
            throw document.error(node, "\(instrument.code): max_missing must be below the item count \(count)")
        }
        if let reliability = instrument.reliability, !(0...1).contains(reliability) {
            throw document.error(node, "\(instrument.code): reliability must be from 0 to 1")
        }
        guard instrument.reportingFactor > 0 else { throw document.error(node, "\(instrument.code): reporting_factor must be positive") }
    }
}
