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
/// memory at a time), or a Bundle (a JSON document of up to `FHIRContent.documentLimit`,
/// parsed whole, its entries decoded one at a time).
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
            try LineFile(path: path, displayName: displayName).forEachLine { line in
                defer { progress?(line.end) }
                if let decoded = decoder.line(line) { try body(decoded) }
            }
        case .bundle:
            guard let data = FileManager.default.contents(atPath: path) else {
                throw IngestFileError(file: displayName, message: "cannot read the file")
            }
            var json = JSONReader()
            do {
                try json.withDocument(ArraySlice(data)) { document in
                    try forEachEntry(of: document, indexOnly: indexOnly) { number, resource in
                        try body(FHIRLine(number: number, resource: resource, span: nil))
                    }
                }
            } catch let problem as JSONProblem {
                throw IngestFileError(file: displayName, message: "not a FHIR Bundle: \(problem.message)")
            }
            progress?(data.count)
        }
    }

    /// Calls `body` with each entry of a Bundle, numbered from 1 and read on its own, so that one bad
    /// entry does not hide the others (its path starts `$.entry[n].resource`): one entry's
    /// resources at a time, never the whole Bundle's. A single resource (a JSON document that is
    /// not a Bundle) is one entry.
    private func forEachEntry(of document: JSONNode, indexOnly: Bool,
                              _ body: (Int, Result<FHIRResource, FHIRLineProblem>) throws -> Void) throws {
        func resource(_ node: JSONNode) -> Result<FHIRResource, FHIRLineProblem> {
            do throws(JSONShapeError) { return .success(try FHIRResource(json: node, indexOnly: indexOnly)) } catch {
                return .failure(FHIRLineProblem(document.problem(error)))
            }
        }
        func entryResource(_ entry: JSONNode) -> Result<FHIRResource, FHIRLineProblem> {
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
        let entries: [JSONNode]?
        do throws(JSONShapeError) {
            try document.requireObject()
            let isBundle = try document.read("resourceType") == "Bundle"
            entries = isBundle ? try document.member("entry")?.elements() ?? [] : nil
        } catch {
            throw IngestFileError(file: displayName, message: "not a FHIR Bundle: \(document.problem(error).message)")
        }
        guard let entries else { return try body(1, resource(document)) }
        for (index, entry) in entries.enumerated() { try body(index + 1, entryResource(entry)) }
    }
}
