/// Fixed-size records in chunks of 65,536: millions of rows grow one chunk at a time, with no
/// spare capacity from doubling and no copy of what is already stored.
struct ChunkedRecords<Record: Sendable>: Sendable {
    private static var chunkShift: Int { 16 }
    private static var chunkSize: Int { 1 << chunkShift }
    private var chunks: [[Record]] = []
    private(set) var count = 0

    mutating func append(_ record: Record) {
        // Every chunk but the last is full: a new one starts at each multiple of the chunk size
        // (checking the last chunk's count copied it, a retain and a release per record).
        if count & (Self.chunkSize - 1) == 0 {
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

    /// Writes `records` over the rows of `range`, in order (as many as the range holds), in
    /// place when the range lies in one chunk (row by row, each write checked the chunk's
    /// storage for sharing).
    mutating func replace(_ range: Range<Int>, with records: [Record]) {
        precondition(records.count == range.count, "ChunkedRecords.replace: \(records.count) records for \(range)")
        let chunk = range.lowerBound >> Self.chunkShift
        guard !range.isEmpty, (range.upperBound - 1) >> Self.chunkShift == chunk else {
            for (row, record) in zip(range, records) { self[row] = record }
            return
        }
        let offset = range.lowerBound & (Self.chunkSize - 1)
        chunks[chunk].withUnsafeMutableBufferPointer { stored in
            for (index, record) in records.enumerated() { stored[offset + index] = record }
        }
    }

    subscript(row: Int) -> Record {
        get { chunks[row >> Self.chunkShift][row & (Self.chunkSize - 1)] }
        set { chunks[row >> Self.chunkShift][row & (Self.chunkSize - 1)] = newValue }
    }
}
