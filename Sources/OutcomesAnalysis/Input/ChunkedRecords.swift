/// Fixed-size records in chunks of 65,536: millions of rows grow one chunk at a time, with no
/// spare capacity from doubling and no copy of what is already stored.
struct ChunkedRecords<Record: Sendable>: Sendable {
    private static var chunkShift: Int { 16 }
    private static var chunkSize: Int { 1 << chunkShift }
    private var chunks: [[Record]] = []
    private(set) var count = 0

    mutating func append(_ record: Record) {
        if chunks.last.map({ $0.count == Self.chunkSize }) ?? true {
            chunks.append([])
            chunks[chunks.count - 1].reserveCapacity(Self.chunkSize)
        }
        chunks[chunks.count - 1].append(record)
        count += 1
    }

    /// Passes every record to `body` in order and leaves none, each chunk freed once passed on.
    mutating func removeAll(passingEach body: (Record) -> Void) {
        var taken: [[Record]] = []
        swap(&taken, &chunks)
        count = 0
        for index in taken.indices {
            for record in taken[index] { body(record) }
            taken[index] = []
        }
    }

    subscript(row: Int) -> Record {
        get { chunks[row >> Self.chunkShift][row & (Self.chunkSize - 1)] }
        set { chunks[row >> Self.chunkShift][row & (Self.chunkSize - 1)] = newValue }
    }
}
