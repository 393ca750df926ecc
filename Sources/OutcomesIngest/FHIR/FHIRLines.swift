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
    static func rawLine(_ number: Int, _ span: ByteSpan?, _ lines: RawLines) -> String {
        span.map(lines.text) ?? "(Bundle entry \(number))"
    }
}

/// Why a line is not a resource: not UTF-8, not JSON, not an object, or a member of the wrong
/// type; `path` is `$` for text that is not JSON (its message names the byte and the path).
struct FHIRLineProblem: Error {
    var path: String
    var message: String
    /// `invalid_utf8` or `malformed_row` for a line that is not a resource.
    var reason = RejectReason.malformedRow

    init(_ problem: JSONProblem) {
        path = problem.path
        message = problem.message
        reason = problem.kind == .invalidUTF8 ? .invalidUTF8 : .malformedRow
    }

    init(path: String, message: String) {
        self.path = path
        self.message = message
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
    ///   - indexOnly: decode only what `FHIRIndex` keeps (first pass; see `FHIRLineDecoder`).
    ///   - progress: bytes read so far, after each line.
    func forEachLine(indexOnly: Bool = false, progress: ((Int) -> Void)? = nil, _ body: (FHIRLine) throws -> Void) throws {
        switch kind {
        case .ndjson:
            var decoder = FHIRLineDecoder(indexOnly: indexOnly)
            try LineFile(path: path, displayName: displayName).forEachLine { number, bytes, start, offset in
                defer { progress?(offset) }
                if let line = decoder.line(number, bytes, start: start) { try body(line) }
            }
        case .bundle:
            var json = JSONReader()
            guard let data = FileManager.default.contents(atPath: path) else {
                throw IngestFileError(file: displayName, message: "cannot read the file")
            }
            let entries: [Result<FHIRResource, FHIRLineProblem>]
            do throws(JSONProblem) {
                entries = try json.read(ArraySlice(data)) { node throws(JSONShapeError) in
                    try Self.bundleEntries(node, indexOnly: indexOnly)
                }
            } catch {
                throw IngestFileError(file: displayName, message: "not a FHIR Bundle: \(error.message)")
            }
            for (index, resource) in entries.enumerated() {
                try body(FHIRLine(number: index + 1, resource: resource, span: nil))
            }
            progress?(data.count)
        }
    }

    /// A Bundle's entries, each read on its own so that one bad entry does not hide the others
    /// (its path starts `$.entry[n].resource`); a single resource (a JSON document that is not a
    /// Bundle) is one entry.
    private static func bundleEntries(_ document: JSONNode, indexOnly: Bool) throws(JSONShapeError)
        -> [Result<FHIRResource, FHIRLineProblem>] {
        func resource(_ node: JSONNode) -> Result<FHIRResource, FHIRLineProblem> {
            do throws(JSONShapeError) { return .success(try FHIRResource(json: node, indexOnly: indexOnly)) } catch {
                return .failure(FHIRLineProblem(document.problem(error)))
            }
        }
        try document.requireObject()
        guard try document.read("resourceType") == "Bundle" else { return [resource(document)] }
        guard let entries = document.member("entry") else { return [] }
        return try entries.elements().map { entry in
            do throws(JSONShapeError) {
                try entry.requireObject()
                guard let node = entry.member("resource") else {
                    throw JSONShapeError(index: entry.index, problem: .missing("resource"))
                }
                return resource(node)
            } catch {
                return .failure(FHIRLineProblem(document.problem(error)))
            }
        }
    }
}
