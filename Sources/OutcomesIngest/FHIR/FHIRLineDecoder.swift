import OutcomesCore

/// Decodes the lines of one NDJSON file in order, into buffers it keeps.
///
/// In the first pass (`indexOnly`) only what `FHIRIndex` keeps is decoded, and once a line of a
/// type it keeps nothing of (`ResourceTypeSkim.types`) has parsed, this decoder's later lines of
/// that type are skimmed, not parsed: their resource is their type alone, and one may be
/// malformed (the load pass rejects it). A file's tables are then the same as with every line
/// parsed: a type is skimmed only after a line of it has parsed.
struct FHIRLineDecoder {
    let indexOnly: Bool
    private var json = JSONReader()
    /// One resource of each skimmed type, holding its type alone, and whether one has parsed.
    private let skimmed = ResourceTypeSkim.types.map(FHIRResource.init(resourceType:))
    private var parsed = [Bool](repeating: false, count: ResourceTypeSkim.types.count)
    /// False after a line of a type that is never skimmed: the next line is parsed without
    /// trying (files hold one type, mostly, and skimming a line that is then parsed is waste).
    private var lastWasSkimmable = true

    init(indexOnly: Bool) { self.indexOnly = indexOnly }

    /// The resource of `line`; nil for a blank line. A line longer than `RowSizeLimit.bytes` is no
    /// resource (it was not kept; a reject shows its first `RowSizeLimit.bytes`).
    mutating func line(_ line: LineFile.Line) -> FHIRLine? {
        let (number, bytes, start) = (line.number, line.bytes, line.start)
        if let length = line.oversizedLength {
            let problem = FHIRLineProblem(path: "$", message: "the line is \(length) bytes long, more than the "
                                          + "\(RowSizeLimit.text) the reader keeps of one resource")
            return FHIRLine(number: number, resource: .failure(problem),
                            span: ByteSpan(offset: start, count: RowSizeLimit.bytes))
        }
        guard bytes.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else { return nil }
        let span = ByteSpan(offset: start, count: bytes.count)
        if indexOnly, lastWasSkimmable, let type = bytes.withUnsafeBufferPointer(ResourceTypeSkim.type(of:)), parsed[type] {
            return FHIRLine(number: number, resource: .success(skimmed[type]), span: span)
        }
        let resource: Result<FHIRResource, FHIRLineProblem>
        let indexOnly = self.indexOnly
        do throws(JSONProblem) {
            resource = .success(try json.read(bytes) { node throws(JSONShapeError) in
                try FHIRResource(json: node, indexOnly: indexOnly)
            })
        } catch {
            resource = .failure(FHIRLineProblem(error))
        }
        if indexOnly, case .success(let read) = resource {
            let type = ResourceTypeSkim.position(of: read.resourceType)
            if let type { parsed[type] = true }
            lastWasSkimmable = type != nil
        }
        return FHIRLine(number: number, resource: resource, span: span)
    }
}
