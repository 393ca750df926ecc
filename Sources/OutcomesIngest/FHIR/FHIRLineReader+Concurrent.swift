import Foundation

extension FHIRLineReader {
    /// Like `forEachLine`, but reads, decodes and converts lines on a second thread while `body`
    /// validates and stores them on this one, in file order; when this thread has caught up, a
    /// batch of lines is handed over undecoded and converted here (`forEachLineOnTwoThreads`).
    func forEachLineConcurrently(converter: FHIRConverter, batchSize: Int = 512, batchesInFlight: Int = 4,
                                 progress: ((Int) -> Void)? = nil, _ body: (ConvertedLine) throws -> Void) throws {
        guard kind == .ndjson else {
            return try forEachLine(progress: progress) { try body(ConvertedLine($0, converter)) }
        }
        try forEachLineOnTwoThreads(indexOnly: false, batchSize: batchSize, batchesInFlight: batchesInFlight,
                                    progress: progress, transform: { ConvertedLine($0, converter) }, body)
    }

    /// Like `forEachLine(indexOnly:)`, but decodes on two threads, in file order: indexing is
    /// little, so this thread decodes the batches the reading thread hands over undecoded.
    /// Each thread's decoder skims only types it has itself seen parse.
    func forEachIndexLineConcurrently(indexOnly: Bool = true, batchSize: Int = 512, batchesInFlight: Int = 4,
                                      _ body: (FHIRLine) throws -> Void) throws {
        guard kind == .ndjson else { return try forEachLine(indexOnly: indexOnly, body) }
        try forEachLineOnTwoThreads(indexOnly: indexOnly, batchSize: batchSize, batchesInFlight: batchesInFlight,
                                    progress: nil, transform: { $0 }, body)
    }

    /// Reads an NDJSON file's lines on a second thread, which decodes and `transform`s them,
    /// except that a batch of `batchSize` lines starting while this thread has less than a
    /// batch left to handle is handed over as bytes, and decoded and transformed here: each
    /// thread then does what the other would wait for. `body` gets every line in file order.
    private func forEachLineOnTwoThreads<Line>(
        indexOnly: Bool, batchSize: Int, batchesInFlight: Int, progress: ((Int) -> Void)?,
        transform: @escaping (FHIRLine) -> Line, _ body: (Line) throws -> Void
    ) throws {
        let file = LineFile(path: path, displayName: displayName)
        let shared = UncheckedBox(transform)
        let lag = HandOverLag()
        var decoder = FHIRLineDecoder(indexOnly: indexOnly)
        try pipelined(batchSize: batchSize, batchesInFlight: batchesInFlight, progress: progress, produce: { emit in
            var decoder = FHIRLineDecoder(indexOnly: indexOnly)
            let transform = shared.value
            var read = 0
            var handOver = false
            try file.forEachLine { line in
                if read.isMultiple(of: batchSize) { handOver = lag.linesWaiting(read: read) < batchSize }
                read += 1
                if handOver {
                    try emit(HandedLine<Line>.undecoded(line.detached, read: read), line.end)
                } else if let decoded = decoder.line(line) {
                    try emit(HandedLine.decoded(transform(decoded), read: read), line.end)
                }
            }
        }) { item in
            switch item {
            case .decoded(let line, let read):
                lag.handled(read)
                try body(line)
            case .undecoded(let line, let read):
                lag.handled(read)
                if let decoded = decoder.line(line) { try body(transform(decoded)) }
            }
        }
    }
}

/// How many lines the reading thread has read that the other has not yet handled.
final class HandOverLag: @unchecked Sendable {
    private let lock = NSLock()
    private var handledLines = 0

    /// Notes that the line counted `read` by the reading thread is being handled (every 64th is noted).
    func handled(_ read: Int) {
        guard read.isMultiple(of: 64) else { return }
        lock.withLock { handledLines = read }
    }

    /// The lines read (`read` so far) and not yet handled.
    func linesWaiting(read: Int) -> Int { lock.withLock { read - handledLines } }
}

/// A line handed from the reading thread to the other: decoded (and transformed) there, or its
/// bytes. Its values (strings, arrays, resources) are not changed once handed over.
enum HandedLine<Line>: @unchecked Sendable {
    /// `read`: how many lines the reading thread had read, this one included (blank ones too).
    case decoded(Line, read: Int)
    /// A line whose bytes have storage of their own (`LineFile.Line.detached`).
    case undecoded(LineFile.Line, read: Int)
}

/// A line as the converter made it (on either thread): where it is, and its resource's type
/// and rows, or why it is no resource.
struct ConvertedLine {
    var number: Int
    var span: ByteSpan?
    var converted: Result<(resourceType: String, rows: FHIRConverted), FHIRLineProblem>
    /// An Observation's `AssessmentRelease.subject(of:)`; nil for other lines.
    var observationSubject: AssessmentRelease.ObservationSubject?

    init(_ line: FHIRLine, _ converter: FHIRConverter) {
        number = line.number
        span = line.span
        converted = line.resource.map { ($0.resourceType, converter.convert($0)) }
        if case .success(let resource) = line.resource, resource.resourceType == "Observation" {
            observationSubject = AssessmentRelease.subject(of: resource)
        }
    }
}
