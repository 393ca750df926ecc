/// The memory `JSONTapeParser` fills: the tape of the last text parsed and the stack of open
/// containers, kept from one text to the next (`JSONReader`), so that parsing a line allocates
/// nothing once the tape has grown to the longest line's size. Used by one thread at a time.
final class JSONTapeStorage {
    /// The tape; its first `count` entries are the last text's.
    private(set) var entries: UnsafeMutablePointer<JSONEntry>
    /// The entries `entries` has room for.
    private(set) var capacity: Int
    /// The entries the last parse wrote.
    var count = 0
    /// Room for `JSONTapeParser.maximumDepth` open containers.
    let open: UnsafeMutablePointer<JSONTapeParser.OpenContainer>

    init() {
        capacity = 64
        entries = .allocate(capacity: capacity)
        open = .allocate(capacity: JSONTapeParser.maximumDepth)
    }

    deinit {
        entries.deallocate()
        open.deallocate()
    }

    /// The most entries a JSON text of `length` bytes can put on the tape: each entry's value has
    /// bytes of its own, and two at least (an opening and a closing quote or bracket, or a number
    /// or literal and the comma, colon or bracket after it), except a number or literal ending
    /// the text. `{"a":1}` is 7 bytes and 3 entries; `[0,0]` is 5 and 3. A text that is not JSON
    /// may hold more before its error is found (`[[[`: an entry per byte): the tape then grows.
    static func entries(forBytes length: Int) -> Int { length / 2 + 2 }

    /// The entries of the last parse, valid until the next.
    var tape: UnsafeBufferPointer<JSONEntry> { UnsafeBufferPointer(start: entries, count: count) }

    /// Makes room for `wanted` entries (the tape's content is not kept).
    func reserve(entries wanted: Int) {
        count = 0
        guard wanted > capacity else { return }
        entries.deallocate()
        capacity = wanted
        entries = .allocate(capacity: capacity)
    }

    /// Doubles the room, keeping the first `kept` entries; returns the new tape.
    func grow(keeping kept: Int) -> UnsafeMutablePointer<JSONEntry> {
        let larger = UnsafeMutablePointer<JSONEntry>.allocate(capacity: capacity * 2)
        larger.moveInitialize(from: entries, count: kept)
        entries.deallocate()
        entries = larger
        capacity *= 2
        return larger
    }
}
