import Foundation
import OutcomesCore

/// One resource of a FHIR file, decoded or not: an NDJSON line, or a Bundle entry.
struct FHIRLine {
    /// The line number (NDJSON) or the entry's position, 1-based (Bundle).
    var number: Int
    var resource: Result<FHIRResource, FHIRLineProblem>
    /// Where the line is in its file (NDJSON; nil for a Bundle entry), to read it back for a reject.
    var span: ByteSpan?

    /// The line as written (NDJSON), or which entry it is (Bundle), for the rejects file.
    func rawLine(_ lines: RawLines) -> String { Self.rawLine(number, span, lines) }

    static func rawLine(_ number: Int, _ span: ByteSpan?, _ lines: RawLines) -> String {
        span.map(lines.text) ?? "(Bundle entry \(number))"
    }
}

/// Why a line is not a resource: not JSON, not an object, or a field of the wrong type.
struct FHIRLineProblem: Error {
    var path: String
    var message: String

    /// The decoding error as the JSON path it happened at and a message a person understands.
    init(_ error: any Error) {
        switch error {
        case DecodingError.dataCorrupted(let context) where context.codingPath.isEmpty:
            path = "$"
            message = "not valid JSON"
        case DecodingError.typeMismatch(_, let context) where context.codingPath.isEmpty:
            path = "$"
            message = "the line is not a JSON object"
        case DecodingError.typeMismatch(let type, let context):
            path = Self.path(context.codingPath)
            message = "\(path) is not \(Self.kind(type))"
        case DecodingError.keyNotFound(let key, let context):
            path = Self.path(context.codingPath + [key])
            message = "\(path) is required and is missing"
        case DecodingError.valueNotFound(_, let context), DecodingError.dataCorrupted(let context):
            path = Self.path(context.codingPath)
            message = "\(path) is not readable"
        default:
            path = "$"
            message = "not a FHIR resource"
        }
    }

    init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    /// `$.item[2].answer[0].valueCoding`.
    static func path(_ keys: [any CodingKey]) -> String {
        keys.reduce("$") { path, key in
            if let index = key.intValue { return "\(path)[\(index)]" }
            return "\(path).\(key.stringValue)"
        }
    }

    private static func kind(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Int.Type, is Double.Type: return "a number"
        case is [Any].Type: return "a list"
        default: return "an object of the expected shape"
        }
    }
}

/// Reads the resources of one FHIR file in order: an NDJSON file line by line (one line in
/// memory at a time), or a Bundle (a JSON document, decoded whole: bundles are small).
struct FHIRLineReader {
    enum Kind { case ndjson, bundle }

    let path: String
    let displayName: String
    let kind: Kind

    /// Calls `body` with each resource; blank lines are not resources and are passed over.
    /// - Parameters:
    ///   - indexOnly: decode only what `FHIRIndex` keeps of the types that make rows (first pass).
    ///   - progress: bytes read so far, after each line.
    func forEachLine(indexOnly: Bool = false, progress: ((Int) -> Void)? = nil, _ body: (FHIRLine) throws -> Void) throws {
        let decoder = JSONDecoder()
        if indexOnly { decoder.userInfo[FHIRResource.indexOnly] = true }
        switch kind {
        case .ndjson:
            try LineFile(path: path, displayName: displayName).forEachLine { number, bytes, start, offset in
                defer { progress?(offset) }
                guard bytes.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else { return }
                let resource = Result { try decoder.decode(FHIRResource.self, from: Data(bytes)) }.mapError(FHIRLineProblem.init)
                try body(FHIRLine(number: number, resource: resource, span: ByteSpan(offset: start, count: bytes.count)))
            }
        case .bundle:
            guard let data = FileManager.default.contents(atPath: path) else {
                throw IngestFileError(file: displayName, message: "cannot read the file")
            }
            let bundle: BundleEntries
            do { bundle = try decoder.decode(BundleEntries.self, from: data) } catch {
                throw IngestFileError(file: displayName, message: "not a FHIR Bundle: \(FHIRLineProblem(error).message)")
            }
            for (index, entry) in bundle.entry.enumerated() {
                let resource = entry.resource.mapError { problem in
                    guard bundle.isBundle else { return problem }
                    let path = "$.entry[\(index)].resource" + problem.path.dropFirst()
                    return FHIRLineProblem(path: path, message: problem.message)
                }
                try body(FHIRLine(number: index + 1, resource: resource, span: nil))
            }
            progress?(data.count)
        }
    }
}

/// A Bundle's entries, each decoded on its own so that one bad entry does not hide the others;
/// a single resource (a JSON document that is not a Bundle) is one entry.
private struct BundleEntries: Decodable {
    var entry: [Entry]
    var isBundle = true

    struct Entry: Decodable {
        var resource: Result<FHIRResource, FHIRLineProblem>

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Key.self)
            resource = Result { try container.decode(FHIRResource.self, forKey: .resource) }.mapError(FHIRLineProblem.init)
        }

        init(resource: Result<FHIRResource, FHIRLineProblem>) { self.resource = resource }

        enum Key: String, CodingKey { case resource }
    }

    enum Key: String, CodingKey { case entry, resourceType }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        guard try container.decodeIfPresent(String.self, forKey: .resourceType) != "Bundle" else {
            entry = try container.decodeIfPresent([Entry].self, forKey: .entry) ?? []
            return
        }
        entry = [Entry(resource: Result { try FHIRResource(from: decoder) }.mapError(FHIRLineProblem.init))]
        isBundle = false
    }
}
