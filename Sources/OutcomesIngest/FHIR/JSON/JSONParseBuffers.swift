/// The memory a `JSONTapeParser` fills, kept from one text to the next (`JSONReader`): a line's
/// parse then allocates nothing once it has grown. Raw lists (`JSONParseList`), not arrays: an
/// array checks that it is not shared on every change, and the tape changes on every value.
final class JSONParseBuffers {
    /// The tape of the last text parsed.
    var tape = JSONParseList<JSONEntry>(capacity: 256)
    /// The containers open while parsing.
    var open = JSONParseList<JSONTapeParser.OpenContainer>(capacity: 16)

    deinit {
        tape.free()
        open.free()
    }

    /// The entries of the last text parsed, valid until the next parse.
    var entries: UnsafeBufferPointer<JSONEntry> { tape.buffer }
}

/// A growable list of plain values (no references to release) in memory allocated by hand. A
/// copy shares the memory; the owner calls `free` once, and takes back the copy that grew.
struct JSONParseList<Element: BitwiseCopyable> {
    private(set) var base: UnsafeMutablePointer<Element>
    private(set) var capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        base = .allocate(capacity: capacity)
        self.capacity = capacity
    }

    /// Adds `element` at the end, doubling the memory when it is full.
    mutating func append(_ element: Element) {
        if count == capacity { grow() }
        (base + count).initialize(to: element)
        count += 1
    }

    private mutating func grow() {
        let larger = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
        larger.moveInitialize(from: base, count: count)
        base.deallocate()
        base = larger
        capacity *= 2
    }

    subscript(position: Int) -> Element {
        get { base[position] }
        nonmutating set { base[position] = newValue }
    }

    var last: Element? { count > 0 ? base[count - 1] : nil }

    mutating func removeLast() -> Element {
        count -= 1
        return base[count]
    }

    /// Empties the list, keeping its memory.
    mutating func removeAll() { count = 0 }

    /// The elements, valid until the list next grows or is freed.
    var buffer: UnsafeBufferPointer<Element> { UnsafeBufferPointer(start: base, count: count) }

    /// Releases the memory (once, by the owner).
    func free() { base.deallocate() }
}
