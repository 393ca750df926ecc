import OutcomesCore
import Yams

extension BlockReader {
    /// The keys of a chart block that adjust an spc chart's limits.
    static let adjustmentKeys: Set<String> = ["freeze", "phases", "exclude", "note"]

    /// `freeze: 2025-06`, `phases: [2026-03]`, `exclude: [2025-12]` and `note: why` of an spc
    /// chart block; a chart that changes its limits must say why in `note`.
    func adjustments(_ fields: YAMLFields, kind: ReportChartKind) throws -> SPCAdjustments {
        let given = Self.adjustmentKeys.filter { fields.value($0) != nil }.sorted()
        guard let first = given.first else {
            return SPCAdjustments(changes: kind == .spc ? changes : [])
        }
        guard kind == .spc else {
            throw fields.error("'\(first)' applies to spc charts only", at: fields.value(first))
        }
        let adjustments = SPCAdjustments(
            freeze: try fields.string("freeze").map { try month($0, key: "freeze", fields) },
            phases: try months("phases", fields), exclude: try months("exclude", fields),
            note: try fields.string("note"), changes: changes)
        guard !adjustments.isEmpty else { throw fields.error("'note' explains a freeze, phases or exclude") }
        guard adjustments.note?.isEmpty == false else {
            throw fields.error("an spc chart with freeze, phases or exclude needs a 'note' saying why")
        }
        return adjustments
    }

    /// The definition's `changes`: a list of `{date: 2026-03, description: ...}` (a month, or a
    /// day whose month is meant).
    static func changes(_ fields: YAMLFields) throws -> [ProcessChange] {
        try (fields.sequence("changes") ?? []).map { node in
            let change = try YAMLFields(node, file: fields.file, what: "a change")
            try change.allowOnly(["date", "description"])
            let text = try change.requiredString("date")
            let day = text.count == 7 ? Day(iso: text + "-01") : Day(iso: text)
            guard let day else {
                throw change.error("'date' takes YYYY-MM or YYYY-MM-DD, not \(MessageText.quoted(text))",
                                   at: change.value("date"))
            }
            let description = try change.requiredString("description")
            return ProcessChange(month: Period.month(containing: day), description: description)
        }
    }

    private func months(_ key: String, _ fields: YAMLFields) throws -> [Period] {
        try (fields.sequence(key) ?? []).map { node in
            guard let text = node.string else { throw fields.error("'\(key)' lists months as YYYY-MM", at: node) }
            return try month(text, key: key, fields, at: node)
        }
    }

    private func month(_ text: String, key: String, _ fields: YAMLFields, at node: Node? = nil) throws -> Period {
        guard text.count == 7, let period = Period.month(text) else {
            throw fields.error("'\(key)' takes months as YYYY-MM, not \(MessageText.quoted(text))",
                               at: node ?? fields.value(key))
        }
        return period
    }
}
