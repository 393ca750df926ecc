import OutcomesCore
import Yams

/// Reads one instrument entry of an instrument file (see `InstrumentFile` for the schema).
struct InstrumentParser {
    static let keys: Set<String> = [
        "code", "name", "decimals", "items", "reverse_scored", "total_range", "direction", "reporting_factor",
        "bands", "caseness", "reliable_change", "reliability", "missing_items", "response_fraction",
        "remission_below", "loinc",
    ]

    let document: YAMLDocument
    let base: InstrumentRegistry

    /// The entry's instrument, checked in full (`check`).
    func parse(_ node: Node) throws -> Instrument {
        let entries = try document.mapping(node, "an instrument", allowed: Self.keys)
        let value = { (key: String) in entries.first { $0.key == key }?.value }
        guard let codeNode = value("code") else { throw document.error(node, "an instrument needs a code") }
        let code = try document.string(codeNode, "code")
        var instrument = try base[code] ?? newInstrument(code: code, node: node, value: value)
        // decimals first: the default item step is one unit of the instrument's precision
        for entry in entries.sorted(by: { $0.key == "decimals" && $1.key != "decimals" }) {
            try apply(entry.key, entry.value, to: &instrument)
        }
        try InstrumentCheck(document: document, entry: node, given: value).check(instrument)
        return instrument
    }

    /// A blank instrument for a new code, which must give a name, items and a total range.
    private func newInstrument(code: String, node: Node, value: (String) -> Node?) throws -> Instrument {
        let missing = ["name", "items", "total_range"].filter { value($0) == nil }
        guard missing.isEmpty else {
            throw document.error(node, "new instrument \(code) needs \(missing.joined(separator: ", "))")
        }
        return Instrument(code: code, name: code, itemValues: [], totalRange: 0...0)
    }

    private func apply(_ key: String, _ node: Node, to instrument: inout Instrument) throws {
        switch key {
        case "code": break
        case "name": instrument.name = try document.string(node, key)
        case "decimals":
            instrument.decimals = try document.int(node, key)
            guard (0...InstrumentCheck.maxDecimals).contains(instrument.decimals) else {
                throw document.error(node, "decimals must be 0 to \(InstrumentCheck.maxDecimals)")
            }
        case "items": instrument.itemValues = try itemValues(node, decimals: instrument.decimals)
        case "reverse_scored": instrument.reverseScoredItems = Set(try document.intList(node, key))
        case "total_range": instrument.totalRange = try range(node, key)
        case "direction":
            let text = try document.string(node, key)
            guard let direction = ScoreDirection(rawValue: text) else {
                throw document.error(node, "direction must be higher_is_worse or higher_is_better")
            }
            instrument.direction = direction
        case "reporting_factor": instrument.reportingFactor = try document.score(node, key)
        case "bands": instrument.bands = try bands(node)
        case "caseness": instrument.casenessCutoff = try document.score(node, key)
        case "reliable_change":
            let fields = try document.mapping(node, key, allowed: ["points", "source"])
            instrument.reliableChangePoints = nil
            instrument.reliableChangeSource = nil
            for field in fields {
                if field.key == "points" {
                    instrument.reliableChangePoints = try document.score(field.value, "points")
                } else {
                    instrument.reliableChangeSource = try document.string(field.value, "source")
                }
            }
        case "reliability": instrument.reliability = try document.double(node, key)
        case "missing_items": instrument.missingItemRule = try missingItemRule(node)
        case "response_fraction": instrument.responseFraction = try document.score(node, key)
        case "remission_below": instrument.remissionBelow = try document.score(node, key)
        default:
            for field in try document.mapping(node, key, allowed: ["panel", "total", "items", "answers", "unscored"]) {
                switch field.key {
                case "items":
                    instrument.loincItems = try document.sequence(field.value, "loinc items").map {
                        try document.string($0, "a loinc item code")
                    }
                    guard instrument.loincItems.count == instrument.itemCount else {
                        throw document.error(field.value, "loinc items lists \(instrument.loincItems.count) codes; "
                                             + "\(instrument.code) has \(instrument.itemCount) items")
                    }
                case "answers":
                    instrument.loincAnswers = [:]
                    for answer in try document.mapping(field.value, "loinc answers") {
                        instrument.loincAnswers[answer.key] = try document.score(answer.value, "the points of \(answer.key)")
                    }
                case "unscored":
                    instrument.loincUnscored = Set(try document.sequence(field.value, "loinc unscored").map {
                        try document.string($0, "a loinc code")
                    })
                default:
                    let code = try document.string(field.value, "loinc \(field.key)")
                    if field.key == "panel" { instrument.loincPanel = code } else { instrument.loincTotal = code }
                }
            }
        }
    }
}
