import Foundation

extension FHIRLineReader {
    /// Like `forEachLine`, but reads, decodes and converts lines on a second thread while `body`
    /// validates and stores them on this one, in file order (reading JSON and making rows of it
    /// is about half of a FHIR load). At most `batchesInFlight` batches of `batchSize` lines
    /// wait between the threads.
    func forEachLineConcurrently(converter: FHIRConverter, batchSize: Int = 512, batchesInFlight: Int = 4,
                                 progress: ((Int) -> Void)? = nil, _ body: (ConvertedLine) throws -> Void) throws {
        let reader = self
        let shared = UncheckedBox(converter)
        try pipelined(batchSize: batchSize, batchesInFlight: batchesInFlight, progress: progress, produce: { emit in
            var bytesRead = 0
            let converter = shared.value
            try reader.forEachLine(progress: { bytesRead = $0 }) { line in
                try emit(DecodedLine(line: ConvertedLine(line, converter)), bytesRead)
            }
        }) { try body($0.line) }
    }

    /// Like `forEachLine(indexOnly:)`, but decodes on two threads, in file order: the reading
    /// thread decodes every other batch of lines and hands the others over as bytes, which this
    /// thread decodes before `body` indexes them (decoding is most of the first pass; indexing
    /// is little). Each thread's decoder skims only types it has itself seen parse.
    func forEachIndexLineConcurrently(indexOnly: Bool = true, batchSize: Int = 512, batchesInFlight: Int = 4,
                                      _ body: (FHIRLine) throws -> Void) throws {
        guard kind == .ndjson else { return try forEachLine(indexOnly: indexOnly, body) }
        let file = LineFile(path: path, displayName: displayName)
        var decoder = FHIRLineDecoder(indexOnly: indexOnly)
        try pipelined(batchSize: batchSize, batchesInFlight: batchesInFlight, progress: nil, produce: { emit in
            var decoder = FHIRLineDecoder(indexOnly: indexOnly)
            var count = 0
            try file.forEachLine { number, bytes, start, offset in
                count += 1
                if (count / batchSize).isMultiple(of: 2) {
                    if let line = decoder.line(number, bytes, start: start) { try emit(IndexedLine.decoded(line), offset) }
                } else {
                    try emit(IndexedLine.undecoded(number: number, bytes: Array(bytes), start: start), offset)
                }
            }
        }) { item in
            switch item {
            case .decoded(let line): try body(line)
            case .undecoded(let number, let bytes, let start):
                if let line = decoder.line(number, bytes[...], start: start) { try body(line) }
            }
        }
    }
}

/// A line handed from the reading thread to the indexing thread: decoded there, or its bytes
/// (see `DecodedLine`).
enum IndexedLine: @unchecked Sendable {
    case decoded(FHIRLine)
    case undecoded(number: Int, bytes: [UInt8], start: Int)
}

/// A converted line handed from the reading thread to the loading thread; its values (strings,
/// arrays and structs of them) are never shared while both threads hold them.
struct DecodedLine: @unchecked Sendable {
    let line: ConvertedLine
}

/// A line as the converter made it (on the reading thread): where it is, and its resource's
/// type and rows, or why it is no resource.
struct ConvertedLine {
    var number: Int
    var span: ByteSpan?
    var converted: Result<(resourceType: String, rows: FHIRConverted), FHIRLineProblem>
    /// An Observation's `ObservationRelease.subject(of:)`; nil for other lines.
    var observationSubject: String?

    init(_ line: FHIRLine, _ converter: FHIRConverter) {
        number = line.number
        span = line.span
        converted = line.resource.map { ($0.resourceType, converter.convert($0)) }
        if case .success(let resource) = line.resource, resource.resourceType == "Observation" {
            observationSubject = ObservationRelease.subject(of: resource)
        }
    }
}
