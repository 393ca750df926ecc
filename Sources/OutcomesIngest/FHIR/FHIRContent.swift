import Foundation
import OutcomesCore

/// What a file holds, from its first bytes: CSV, NDJSON, a Bundle or a Bulk Data manifest.
public enum FHIRContent: Equatable {
    /// `bundle`: a Bundle, or a single resource written as a JSON document.
    case csv, ndjson, bundle, manifest

    /// The largest JSON document read (a Bundle, a single resource, a Bulk Data manifest): one is
    /// read and parsed whole, which takes about six times its size in memory (a 28.8 MB Bundle of
    /// 55,000 resources: 1.96 GB with Foundation's parser and every entry decoded at once). Larger
    /// exports are Bulk Data NDJSON, read one line at a time.
    public static let documentLimit = 16 << 20

    /// A file in a format the loader does not read (gzip, ZIP or Excel, PDF, UTF-16) is refused
    /// (`FileSignature`). A file whose first character (after a BOM and white space) is `{` is
    /// FHIR JSON: NDJSON when its first line is a whole JSON object, else one JSON document: a
    /// Bulk Data manifest (`transactionTime` and `output`), or a Bundle or a single resource
    /// (`.bundle`: read whole, up to `documentLimit`). A larger file with line breaks is NDJSON
    /// whose first line is no resource (rejected with the others that are not); one without is
    /// refused. A file whose first line is no JSON object, or no JSON document, but which has a
    /// resource on a later line of its first 64 KiB (`holdsResourceLine`) is NDJSON whose first
    /// line is damaged; otherwise a file not starting with `{` is CSV.
    public static func kind(path: String) throws -> FHIRContent {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw IngestFileError(file: path, message: "cannot read the file")
        }
        defer { try? handle.close() }
        var head = [UInt8]((try? handle.read(upToCount: 1 << 16)) ?? Data())
        if let problem = FileSignature.problem(head: head) { throw IngestFileError(file: path, message: problem) }
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { head.removeFirst(3) }
        guard let first = head.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }),
              first == UInt8(ascii: "{") else {
            return holdsResourceLine(head) ? .ndjson : .csv
        }
        var json = JSONReader()
        if let newline = head.firstIndex(of: 0x0A),
           (try? json.read(head[..<newline], { node throws(JSONShapeError) in try node.requireObject() })) != nil {
            return .ndjson
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        if size > documentLimit {
            guard try head.contains(0x0A) || hasLineBreak(handle) else {
                let message = "is a JSON document of \(size >> 20) MiB with no line break; a Bundle or a single "
                    + "resource is read whole, up to \(documentLimit >> 20) MiB: export more as Bulk Data NDJSON "
                    + "(one resource per line)"
                throw IngestFileError(file: path, message: message)
            }
            return .ndjson
        }
        guard let data = FileManager.default.contents(atPath: path),
              let isManifest = try? json.read(ArraySlice(data), { node throws(JSONShapeError) in
                  try node.requireObject()
                  return node.member("transactionTime") != nil && node.member("output") != nil
              }) else {
            if head.firstIndex(of: 0x0A) == nil || holdsResourceLine(head) { return .ndjson }
            throw IngestFileError(file: path, message: "starts like JSON but is neither NDJSON nor a JSON document")
        }
        return isManifest ? .manifest : .bundle
    }

    /// True when one of the first 64 whole lines of `head` is a JSON object with a `resourceType`
    /// member: an NDJSON resource. (A CSV line is not; neither is a line of a pretty-printed
    /// Bundle, whose entries' top-level member is `resource`.)
    static func holdsResourceLine(_ head: [UInt8]) -> Bool {
        var json = JSONReader()
        var start = head.startIndex
        for _ in 0..<64 {
            guard let newline = head[start...].firstIndex(of: 0x0A) else { return false }
            let isResource = try? json.read(head[start..<newline]) { node throws(JSONShapeError) in
                try node.requireObject()
                return node.member("resourceType") != nil
            }
            if isResource == true { return true }
            start = newline + 1
        }
        return false
    }

    /// True when the rest of the file, from `handle`'s position, holds a line feed.
    private static func hasLineBreak(_ handle: FileHandle) throws -> Bool {
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            if chunk.contains(0x0A) { return true }
        }
        return false
    }

    /// A manifest's `output` files must be among the files loaded (matched by file name).
    static func checkManifest(path: String, among paths: [String]) throws {
        guard let data = FileManager.default.contents(atPath: path),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let outputs = object["output"] as? [[String: Any]] else {
            throw IngestFileError(file: path, message: "the Bulk Data manifest has no output list")
        }
        let names = Set(paths.map { URL(fileURLWithPath: $0).lastPathComponent })
        for output in outputs {
            guard let url = output["url"] as? String else { continue }
            let name = url.split(separator: "/").last.map(String.init) ?? url
            guard names.contains(name) else {
                let message = "the manifest lists \(MessageText.quoted(name)), which is not beside it"
                throw IngestFileError(file: path, message: message)
            }
        }
    }
}
