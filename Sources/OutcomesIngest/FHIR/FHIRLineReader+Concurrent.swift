import Foundation

extension FHIRLineReader {
    /// Like `forEachLine`, but reads and decodes lines on a second thread while `body` runs on
    /// this one, in file order (decoding JSON is most of a FHIR load, as parsing is of a CSV
    /// load). At most `batchesInFlight` batches of `batchSize` lines wait between the threads.
    func forEachLineConcurrently(batchSize: Int = 512, batchesInFlight: Int = 4, progress: ((Int) -> Void)? = nil,
                                 _ body: (FHIRLine) throws -> Void) throws {
        let channel = BatchChannel<DecodedLine>(capacity: batchesInFlight)
        let reader = self
        let thread = Thread {
            var batch: [DecodedLine] = []
            var bytesRead = 0
            do {
                try reader.forEachLine(progress: { bytesRead = $0 }) { line in
                    batch.append(DecodedLine(line: line))
                    if batch.count == batchSize {
                        try channel.send(Batch(rows: batch, bytesRead: bytesRead))
                        batch.removeAll(keepingCapacity: true)
                    }
                }
                try channel.send(Batch(rows: batch, bytesRead: bytesRead))
                channel.finish(error: nil)
            } catch {
                channel.finish(error: error)
            }
        }
        thread.start()
        defer { channel.cancel() }
        while let batch = try channel.receive() {
            for decoded in batch.rows { try body(decoded.line) }
            progress?(batch.bytesRead)
        }
    }
}

/// A decoded line handed from the reading thread to the loading thread; its values (strings,
/// arrays and structs of them) are never shared while both threads hold them.
struct DecodedLine: @unchecked Sendable {
    let line: FHIRLine
}
