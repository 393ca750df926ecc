import Foundation
import OutcomesCore

/// A FHIR R4 export: Bulk Data NDJSON files (with or without `manifest.json`) and Bundles,
/// recognised by content, never by name. `init` reads every file once to index what resources
/// say about each other and which canonical tables each file feeds (and the files holding
/// Encounters or responses again, when other resources refer to some); `FHIRFile.forEachRow`
/// then reads a file once per table it feeds.
public struct FHIRExport {
    public let files: [FHIRFile]
    let index: FHIRIndex
    let mapping: Mapping?
    let registry: InstrumentRegistry

    /// - Parameter paths: FHIR files (a Bulk Data manifest among them is checked, not loaded).
    public init(paths: [String], mapping: Mapping?, registry: InstrumentRegistry) throws {
        self.mapping = mapping
        self.registry = registry
        var index = FHIRIndex(codes: LOINCIndex(registry))
        var files: [FHIRFile] = []
        /// The files holding Encounters or responses, read again for the ones referred to.
        var holding: [FHIRLineReader] = []
        let settings = mapping?.fhir ?? Mapping.FHIRSettings()
        for path in paths {
            let kind = try FHIRContent.kind(path: path)
            guard kind != .manifest else {
                try FHIRContent.checkManifest(path: path, among: paths)
                continue
            }
            let reader = FHIRLineReader(path: path, displayName: path, kind: kind == .bundle ? .bundle : .ndjson)
            var tables: Set<CanonicalTable> = []
            var malformed = false
            var account = FHIRAccount()
            var holdsReferenced = false
            var lastLineOfSubject: [AssessmentRelease.ObservationSubject: Int] = [:]
            try reader.forEachIndexLineConcurrently { line in
                switch line.resource {
                case .success(let resource):
                    index.add(resource, settings: settings)
                    holdsReferenced = holdsReferenced || FHIRIndex.referencedTypes.contains(resource.resourceType)
                    if resource.resourceType == "Observation" {
                        lastLineOfSubject[AssessmentRelease.subject(of: resource)] = line.number
                    }
                    if let table = FHIRConverted.table(of: resource.resourceType) {
                        tables.insert(table)
                    } else if FHIRConverted.supportingTypes.contains(resource.resourceType) {
                        account.used[resource.resourceType, default: 0] += 1
                    } else {
                        account.skipped[resource.resourceType, default: 0] += 1
                    }
                case .failure: malformed = true
                }
            }
            if malformed, tables.isEmpty {
                throw IngestFileError(file: path, message: "no line is a resource of a type the loader uses "
                                      + "(EpisodeOfCare, Encounter, Appointment, QuestionnaireResponse, Observation, Goal), "
                                      + "and some lines are not FHIR resources")
            }
            files.append(FHIRFile(reader: reader, tables: tables.sorted(), account: account,
                                  lastLineOfSubject: lastLineOfSubject))
            if holdsReferenced { holding.append(reader) }
        }
        if !index.referencedEncounters.isEmpty || !index.referencedResponses.isEmpty {
            for reader in holding {
                try reader.forEachIndexLineConcurrently(indexOnly: false) { line in
                    if case .success(let resource) = line.resource { index.addReferenced(resource) }
                }
            }
        }
        self.files = files
        self.index = index
    }

    /// The converter every file of the export uses.
    var converter: FHIRConverter { FHIRConverter(index: index, registry: registry, settings: mapping?.fhir ?? .init()) }
}

/// One FHIR file of an export and the tables it feeds, in load order.
public struct FHIRFile {
    let reader: FHIRLineReader
    /// The canonical tables its resources make rows of; malformed lines are rejected in the first.
    public let tables: [CanonicalTable]
    /// Its resources of types that make no row: used for other rows' facts, or skipped. (An
    /// Observation or a response that makes no row is counted when its table is read.)
    public let account: FHIRAccount
    /// The last Observation line of each `AssessmentRelease.ObservationSubject`.
    let lastLineOfSubject: [AssessmentRelease.ObservationSubject: Int]

    public var path: String { reader.path }
    public var displayName: String { reader.displayName }
}

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
    /// refused.
    public static func kind(path: String) throws -> FHIRContent {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw IngestFileError(file: path, message: "cannot read the file")
        }
        defer { try? handle.close() }
        var head = [UInt8]((try? handle.read(upToCount: 1 << 16)) ?? Data())
        if let problem = FileSignature.problem(head: head) { throw IngestFileError(file: path, message: problem) }
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { head.removeFirst(3) }
        guard let first = head.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }), first == UInt8(ascii: "{") else {
            return .csv
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
            if head.firstIndex(of: 0x0A) == nil { return .ndjson }
            throw IngestFileError(file: path, message: "starts like JSON but is neither NDJSON nor a JSON document")
        }
        return isManifest ? .manifest : .bundle
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
