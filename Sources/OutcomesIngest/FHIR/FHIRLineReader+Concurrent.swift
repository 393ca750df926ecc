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
            try reader.forEachLine(progress: { bytesRead = $0 }) { line in
                try emit(DecodedLine(line: ConvertedLine(line, shared.value)), bytesRead)
            }
        }) { try body($0.line) }
    }

    /// Like `forEachLine(indexOnly:)`, but reads and decodes lines on a second thread while
    /// `body` indexes them on this one, in file order.
    func forEachIndexLineConcurrently(indexOnly: Bool = true, batchSize: Int = 512, batchesInFlight: Int = 4,
                                      _ body: (FHIRLine) throws -> Void) throws {
        let reader = self
        try pipelined(batchSize: batchSize, batchesInFlight: batchesInFlight, progress: nil, produce: { emit in
            var bytesRead = 0
            try reader.forEachLine(indexOnly: indexOnly, progress: { bytesRead = $0 }) {
                try emit(IndexedLine(line: $0), bytesRead)
            }
        }) { try body($0.line) }
    }
}

/// A decoded line handed from the reading thread to the indexing thread (see `DecodedLine`).
struct IndexedLine: @unchecked Sendable {
    let line: FHIRLine
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
