import OutcomesCore
import Yams

/// Turns a mapping file's YAML into a `Mapping`, checking every key against the schema.
struct MappingParser {
    let document: YAMLDocument

    func parse() throws -> Mapping {
        var mapping = Mapping()
        for entry in try document.mapping(document.root, "the mapping file", allowed: ["date_format", "tables"]) {
            switch entry.key {
            case "date_format": mapping.dateFormat = try dateFormat(entry.value)
            default:
                for tableEntry in try document.mapping(entry.value, "tables") {
                    guard let table = CanonicalTable(rawValue: tableEntry.key) else {
                        let names = CanonicalTable.allCases.map(\.rawValue).joined(separator: ", ")
                        throw document.error(tableEntry.keyNode, "unknown table \(MessageText.quoted(tableEntry.key)); canonical tables: \(names)")
                    }
                    mapping.tables[table] = try tableMapping(tableEntry.value, table)
                }
            }
        }
        return mapping
    }

    private func tableMapping(_ node: Node, _ table: CanonicalTable) throws -> Mapping.TableMapping {
        var result = Mapping.TableMapping()
        let what = "table \(table.rawValue)"
        for entry in try document.mapping(node, what, allowed: ["columns", "values", "date_formats"]) {
            switch entry.key {
            case "columns":
                for column in try document.mapping(entry.value, "columns of \(what)") {
                    let target = try document.string(column.value, "the canonical name of \(MessageText.quoted(column.key))")
                    try checkColumn(target, table, column.value)
                    result.columns[column.key] = target
                }
            case "values":
                for column in try document.mapping(entry.value, "values of \(what)") {
                    try checkColumn(column.key, table, column.keyNode)
                    var translations: [String: String] = [:]
                    for pair in try document.mapping(column.value, "values of \(column.key)") {
                        let target = try document.string(pair.value, "the canonical value of \(MessageText.quoted(pair.key))")
                        if let byte = ControlCharacters.firstRefused(in: target) {
                            throw document.error(pair.value, ControlCharacters.problem(byte))
                        }
                        if !target.isEmpty, let accepted = table.acceptedCodes(column: column.key), !accepted.contains(target) {
                            throw document.error(pair.value, "\(MessageText.quoted(target)) is not a code of \(column.key); accepted: \(accepted.joined(separator: ", "))")
                        }
                        translations[pair.key] = target
                    }
                    result.values[column.key] = translations
                }
            default:
                for column in try document.mapping(entry.value, "date_formats of \(what)") {
                    guard table.dateColumns.contains(column.key) else {
                        let dates = table.dateColumns.sorted().joined(separator: ", ")
                        throw document.error(column.keyNode, "\(MessageText.quoted(column.key)) is not a date column of \(table.rawValue); date columns: \(dates)")
                    }
                    result.dateFormats[column.key] = try dateFormat(column.value)
                }
            }
        }
        return result
    }

    private func checkColumn(_ name: String, _ table: CanonicalTable, _ node: Node) throws {
        guard table.isCanonicalColumn(name) else {
            let items = table == .assessments ? ", item_1 ... item_n" : ""
            throw document.error(node, "unknown column \(MessageText.quoted(name)) of table \(table.rawValue); canonical columns: \(table.columns.joined(separator: ", "))\(items)")
        }
    }

    private func dateFormat(_ node: Node) throws -> DateFormat {
        let pattern = try document.string(node, "a date format")
        guard let format = DateFormat(pattern) else {
            throw document.error(node, "\(MessageText.quoted(pattern)) is not a date format; use yyyy, MM, M, dd, d and separators, for example MM/dd/yyyy")
        }
        return format
    }
}
