import Foundation

extension FHIRLineReader {
    /// Like `forEachLine`, but reads and decodes lines on a second thread while `body` runs on
    /// this one, in file order (decoding JSON is most of a FHIR load, as parsing is of a CSV
    /// load). At most `batchesInFlight` batches of `batchSize` lines wait between the threads.
    func forEachLineConcurrently(batchSize: Int = 512, batchesInFlight: Int = 4, progress: ((Int) -> Void)? = nil,
                                 _ body: (FHIRLine) throws -> Void) throws {
        let reader = self
        try pipelined(batchSize: batchSize, batchesInFlight: batchesInFlight, progress: progress, produce: { emit in
            var bytesRead = 0
            try reader.forEachLine(progress: { bytesRead = $0 }) { try emit(DecodedLine(line: $0), bytesRead) }
        }) { try body($0.line) }
    }
}

/// A decoded line handed from the reading thread to the loading thread; its values (strings,
/// arrays and structs of them) are never shared while both threads hold them.
struct DecodedLine: @unchecked Sendable {
    let line: FHIRLine
}
