import OutcomesCore
import Yams

/// Reads one YAML mapping node, field by field, with errors naming the file and line and
/// unknown keys refused (a misspelt key must not be silently ignored).
struct YAMLFields {
    let node: Node
    let file: String
    private let pairs: [(key: String, value: Node, line: Int?)]

    init(_ node: Node, file: String, what: String) throws {
        guard case .mapping(let mapping) = node else {
            throw ReportDefinitionError(file: file, line: node.mark?.line, message: "\(what) must be a mapping of keys to values")
        }
        self.node = node
        self.file = file
        pairs = mapping.map { ($0.key.string ?? "", $0.value, $0.key.mark?.line) }
    }

    var line: Int? { node.mark?.line }

    func error(_ message: String, at node: Node? = nil) -> ReportDefinitionError {
        ReportDefinitionError(file: file, line: node?.mark?.line ?? line, message: message)
    }

    /// Fails on any key outside `allowed`.
    func allowOnly(_ allowed: Set<String>) throws {
        for pair in pairs where !allowed.contains(pair.key) {
            throw ReportDefinitionError(
                file: file, line: pair.line,
                message: "unknown key \(MessageText.quoted(pair.key)); expected one of: "
                    + allowed.sorted().joined(separator: ", "))
        }
    }

    func value(_ key: String) -> Node? { pairs.first { $0.key == key }?.value }

    func string(_ key: String) throws -> String? {
        guard let node = value(key) else { return nil }
        guard let text = node.string else { throw error("'\(key)' must be text", at: node) }
        return text
    }

    func requiredString(_ key: String) throws -> String {
        guard let text = try string(key), !text.isEmpty else { throw error("'\(key)' is required") }
        return text
    }

    func double(_ key: String) throws -> Double? {
        guard let node = value(key) else { return nil }
        guard let text = node.string, let number = Double(text), number.isFinite else {
            throw error("'\(key)' must be a finite number", at: node)
        }
        return number
    }

    func int(_ key: String) throws -> Int? {
        guard let node = value(key) else { return nil }
        guard let text = node.string, let number = Int(text) else { throw error("'\(key)' must be a whole number", at: node) }
        return number
    }

    /// A whole number within `range`, the bound named in the error.
    func int(_ key: String, within range: ClosedRange<Int>) throws -> Int? {
        guard let number = try int(key) else { return nil }
        guard range.contains(number) else {
            throw error("'\(key)' must be from \(range.lowerBound) to \(range.upperBound); it is \(number)",
                        at: value(key))
        }
        return number
    }

    func bool(_ key: String) throws -> Bool? {
        guard let node = value(key) else { return nil }
        switch node.string {
        case "true", "yes": return true
        case "false", "no": return false
        default: throw error("'\(key)' must be true or false", at: node)
        }
    }

    /// A code from a closed list, with the accepted values in the error.
    func code<Code: RawRepresentable & CaseIterable>(_ key: String, as type: Code.Type) throws -> Code? where Code.RawValue == String {
        guard let text = try string(key) else { return nil }
        guard let code = Code(rawValue: text) else {
            let accepted = Code.allCases.map(\.rawValue).joined(separator: ", ")
            throw error("unknown \(key) \(MessageText.quoted(text)); expected one of: \(accepted)", at: value(key))
        }
        return code
    }

    func sequence(_ key: String) throws -> [Node]? {
        guard let node = value(key) else { return nil }
        guard case .sequence(let sequence) = node else { throw error("'\(key)' must be a list", at: node) }
        return Array(sequence)
    }
}
