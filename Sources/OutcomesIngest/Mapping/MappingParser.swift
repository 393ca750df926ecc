import OutcomesCore
import Yams

/// Turns a mapping file's YAML into a `Mapping`, checking every key against the schema.
struct MappingParser {
    let document: YAMLDocument

    func parse() throws -> Mapping {
        var mapping = Mapping()
        for entry in try document.mapping(document.root, "the mapping file", allowed: ["date_format", "time_zone", "tables", "fhir"]) {
            switch entry.key {
            case "fhir": mapping.fhir = try fhirSettings(entry.value)
            case "date_format": mapping.dateFormat = try dateFormat(entry.value)
            case "time_zone":
                let name = try document.string(entry.value, "time_zone")
                guard let zone = ProgramTimeZone(identifier: name) else {
                    throw document.error(entry.value, "\(MessageText.quoted(name)) is not a time zone; "
                                         + "use an IANA name such as America/Chicago")
                }
                mapping.timeZone = zone
            default:
                for tableEntry in try document.mapping(entry.value, "tables") {
                    guard let table = CanonicalTable(rawValue: tableEntry.key) else {
                        let names = CanonicalTable.allCases.map(\.rawValue).joined(separator: ", ")
                        let name = MessageText.quoted(tableEntry.key)
                        throw document.error(tableEntry.keyNode, "unknown table \(name); canonical tables: \(names)")
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
                    let described = "the canonical name of \(MessageText.quoted(column.key))"
                    let target = try document.string(column.value, described)
                    try checkColumn(target, table, column.value)
                    result.columns[column.key] = target
                }
            case "values":
                for column in try document.mapping(entry.value, "values of \(what)") {
                    try checkColumn(column.key, table, column.keyNode)
                    var translations: [String: String] = [:]
                    for pair in try document.mapping(column.value, "values of \(column.key)") {
                        let described = "the canonical value of \(MessageText.quoted(pair.key))"
                        let target = try document.string(pair.value, described)
                        if let byte = ControlCharacters.firstRefused(in: target) {
                            throw document.error(pair.value, ControlCharacters.problem(byte))
                        }
                        if !target.isEmpty, let accepted = table.acceptedCodes(column: column.key),
                           !accepted.contains(target) {
                            let codes = accepted.joined(separator: ", ")
                            let value = MessageText.quoted(target)
                            throw document.error(
                                pair.value, "\(value) is not a code of \(column.key); accepted: \(codes)")
                        }
                        translations[pair.key] = target
                    }
                    result.values[column.key] = translations
                }
            default:
                for column in try document.mapping(entry.value, "date_formats of \(what)") {
                    let renamed = result.columns[column.key] ?? column.key
                    guard table.dateColumns.contains(renamed) else {
                        let dates = table.dateColumns.sorted().joined(separator: ", ")
                        let name = MessageText.quoted(column.key)
                        let message = "\(name) is not a date column of \(table.rawValue) nor a source column "
                            + "renamed to one (list date_formats after columns); date columns: \(dates)"
                        throw document.error(column.keyNode, message)
                    }
                    result.dateFormats[column.key] = try dateFormat(column.value)
                }
            }
        }
        return result
    }

    private func fhirSettings(_ node: Node) throws -> Mapping.FHIRSettings {
        var settings = Mapping.FHIRSettings()
        for entry in try document.mapping(node, "fhir", allowed: ["patient_identifier_system", "extensions"]) {
            if entry.key == "patient_identifier_system" {
                settings.patientIdentifierSystem = try document.string(entry.value, entry.key)
                continue
            }
            for column in try document.mapping(entry.value, "fhir extensions") {
                guard CanonicalTable.allCases.contains(where: { $0.isCanonicalColumn(column.key) }) else {
                    throw document.error(column.keyNode, "\(MessageText.quoted(column.key)) is not a canonical column")
                }
                settings.extensions[column.key] = try document.string(column.value, "the URL of \(column.key)")
            }
        }
        return settings
    }

    private func checkColumn(_ name: String, _ table: CanonicalTable, _ node: Node) throws {
        guard table.isCanonicalColumn(name) else {
            let items = table == .assessments ? ", item_1 ... item_n" : ""
            let columns = table.columns.joined(separator: ", ") + items
            let column = MessageText.quoted(name)
            throw document.error(
                node, "unknown column \(column) of table \(table.rawValue); canonical columns: \(columns)")
        }
    }

    private func dateFormat(_ node: Node) throws -> DateFormat {
        let pattern = try document.string(node, "a date format")
        guard let format = DateFormat(pattern) else {
            throw document.error(node, "\(MessageText.quoted(pattern)) is not a date format; "
                                 + "use yyyy MM M dd d HH hh mm ss a XXX and separators (MM/dd/yyyy hh:mm a), or iso8601")
        }
        return format
    }
}
