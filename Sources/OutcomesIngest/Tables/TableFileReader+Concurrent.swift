import Foundation

extension TableFileReader {
    /// Like `forEachRow`, but reads, validates and `prepare`s each row on a second thread while
    /// `body` runs on this one, in file order. Loading is two jobs (parsing, validating and
    /// preparing rows; storing them), so on two cores the rows per second nearly add up.
    /// Memory stays bounded: at most `batchesInFlight` batches of `batchSize` rows wait between
    /// the two threads. Inlinable, with `pipelined`: the caller's module specializes both for its
    /// `Prepared` type (unspecialized, every row's batching looked up its type's metadata).
    @inlinable
    public func forEachRowConcurrently<Prepared: Sendable>(
        validator: RecordValidator, batchSize: Int = 2048, batchesInFlight: Int = 4,
        prepare: @escaping @Sendable (RowResult) -> Prepared,
        progress: ((Int) -> Void)? = nil, _ body: (Prepared) throws -> Void
    ) throws {
        let producer = UncheckedBox((self, validator))
        try pipelined(batchSize: batchSize, batchesInFlight: batchesInFlight, progress: progress, produce: { emit in
            let (reader, validator) = producer.value
            var bytesRead = 0
            try reader.forEachRow(validator: validator, progress: { bytesRead = $0 }) { try emit(prepare($0), bytesRead) }
        }, body)
    }
}

/// Runs `produce` on a second thread while `body` takes what it emits on this one, in order:
/// `produce` calls `emit` with each item and the bytes read so far; items cross in batches of
/// `batchSize`, at most `batchesInFlight` of them waiting, so memory stays bounded.
@inlinable
func pipelined<Item: Sendable>(
    batchSize: Int, batchesInFlight: Int, progress: ((Int) -> Void)?,
    produce: @escaping @Sendable (_ emit: (Item, Int) throws -> Void) throws -> Void, _ body: (Item) throws -> Void
) throws {
    let channel = BatchChannel<Item>(capacity: batchesInFlight)
    let thread = Thread {
        var batch: [Item] = []
        batch.reserveCapacity(batchSize)
        var bytesRead = 0
        do {
            try produce { item, read in
                bytesRead = read
                batch.append(item)
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
        // Each item is lent to `body` in place: iterating the array copied each (a retain and a
        // release of every reference it holds) on the busier thread.
        try batch.rows.withUnsafeBufferPointer { items in
            for index in items.indices { try body(items[index]) }
        }
        progress?(batch.bytesRead)
        channel.giveBack(batch)
    }
}

/// Rows validated together, and how far into the file they reach.
@usableFromInline
struct Batch<Row: Sendable>: Sendable {
    @usableFromInline var rows: [Row]
    @usableFromInline var bytesRead: Int

    @usableFromInline
    init(rows: [Row], bytesRead: Int) {
        self.rows = rows
        self.bytesRead = bytesRead
    }
}

/// A bounded, single-producer single-consumer queue of batches.
@usableFromInline
final class BatchChannel<Row: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var queue: [Batch<Row>] = []
    private var finished = false
    private var cancelled = false
    private var failure: (any Error)?
    private let capacity: Int
    /// Batches the consumer is done with, which the producer frees on its next send.
    private var consumed: [Batch<Row>] = []

    struct Cancelled: Error {}

    @usableFromInline
    init(capacity: Int) { self.capacity = capacity }

    /// Waits for room; throws when the consumer has stopped. Frees the batches the consumer gave
    /// back, here on the producer's thread, outside the lock.
    @usableFromInline
    func send(_ batch: Batch<Row>) throws {
        _ = try enqueue(batch)
    }

    /// Queues `batch` and returns the batches given back since the last send.
    private func enqueue(_ batch: Batch<Row>) throws -> [Batch<Row>] {
        condition.lock()
        defer { condition.unlock() }
        while queue.count >= capacity && !cancelled { condition.wait() }
        if cancelled { throw Cancelled() }
        queue.append(batch)
        condition.broadcast()
        var given: [Batch<Row>] = []
        swap(&given, &consumed)
        return given
    }

    /// The consumer is done with `batch`. Freeing its rows (an array and strings per row) was 5%
    /// of the loading thread's instructions on a sessions file (callgrind); the producer, the
    /// less busy thread, frees them instead.
    @usableFromInline
    func giveBack(_ batch: Batch<Row>) {
        condition.lock()
        consumed.append(batch)
        condition.unlock()
    }

    /// The producer is done (with the error that stopped it, if any).
    @usableFromInline
    func finish(error: (any Error)?) {
        condition.lock()
        finished = true
        failure = error
        condition.broadcast()
        condition.unlock()
    }

    /// The next batch, nil at the end; rethrows the producer's error.
    @usableFromInline
    func receive() throws -> Batch<Row>? {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty && !finished { condition.wait() }
        if !queue.isEmpty {
            let batch = queue.removeFirst()
            condition.broadcast()
            return batch
        }
        if let failure { throw failure }
        return nil
    }

    /// The consumer stopped: wakes and stops the producer, and waits until it has finished.
    @usableFromInline
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        while !finished { condition.wait() }
        condition.unlock()
    }
}

/// Hands a value that is only ever used by one thread at a time to another thread.
@usableFromInline
struct UncheckedBox<Value>: @unchecked Sendable {
    @usableFromInline let value: Value
    @usableFromInline init(_ value: Value) { self.value = value }
}
