import Foundation
import OutcomesCore
import Yams

/// A parsed YAML file plus helpers that read typed values and throw `IngestFileError`s naming
/// the file and the line, so that every schema mistake points at its place.
struct YAMLDocument {
    let fileName: String
    let root: Node

    /// Reads and parses `path`; an empty document is an error, and so is a file that is not
    /// UTF-8 (naming the byte offset and line).
    init(path: String, displayName: String) throws {
        fileName = displayName
        guard let data = FileManager.default.contents(atPath: path) else {
            throw IngestFileError(file: displayName, message: "cannot read the file")
        }
        let text: String
        do {
            text = try UTF8Validation.text([UInt8](data))
        } catch {
            throw IngestFileError(file: displayName, line: error.line, message: error.description)
        }
        do {
            // Values are read as text and typed here, never by YAML's implicit tags: the basic
            // resolver, whose default's regular expressions took ~9 M instructions to compile per run.
            guard let node = try Yams.compose(yaml: text, .basic) else {
                throw IngestFileError(file: displayName, line: 1, message: "the file is empty")
            }
            root = node
        } catch let error as YamlError {
            throw IngestFileError(file: displayName, line: Self.line(of: error), message: "not valid YAML: \(Self.problem(of: error))")
        }
    }

    func error(_ node: Node, _ message: String) -> IngestFileError {
        IngestFileError(file: fileName, line: node.mark?.line, message: message)
    }

    /// The node as a mapping whose keys are all in `allowed`.
    func mapping(_ node: Node, _ what: String, allowed: Set<String>? = nil) throws -> [(key: String, keyNode: Node, value: Node)] {
        guard case .mapping(let mapping) = node else { throw error(node, "\(what) must be a mapping") }
        return try mapping.map { pair in
            let key = try string(pair.key, "a key of \(what)")
            if let allowed, !allowed.contains(key) {
                let keys = allowed.sorted().joined(separator: ", ")
                throw error(pair.key, "unknown key \(MessageText.quoted(key)) in \(what); allowed: \(keys)")
            }
            return (key, pair.key, pair.value)
        }
    }

    func sequence(_ node: Node, _ what: String) throws -> [Node] {
        guard case .sequence(let sequence) = node else { throw error(node, "\(what) must be a list") }
        return Array(sequence)
    }

    func string(_ node: Node, _ what: String) throws -> String {
        guard case .scalar(let scalar) = node else { throw error(node, "\(what) must be a single value") }
        return scalar.string
    }

    func int(_ node: Node, _ what: String) throws -> Int {
        guard case .scalar(let scalar) = node, let value = Int(scalar.string) else {
            throw error(node, "\(what) must be a whole number")
        }
        return value
    }

    func double(_ node: Node, _ what: String) throws -> Double {
        guard case .scalar(let scalar) = node, let value = Double(scalar.string) else {
            throw error(node, "\(what) must be a number")
        }
        return value
    }

    func intList(_ node: Node, _ what: String) throws -> [Int] {
        try sequence(node, what).map { try int($0, "an entry of \(what)") }
    }

    private static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark.line
        default: return nil
        }
    }

    private static func problem(of error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _): return problem
        default: return String(describing: error)
        }
    }
}
