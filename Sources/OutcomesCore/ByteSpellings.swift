import Foundation

/// Distinct byte sequences, each given a position in order of first appearance, found by their
/// bytes: an open-addressing table hashed with FNV-1a, confirmed with memcmp, the bytes kept one
/// after another. What turns a column's repeated texts, read as SQLite's bytes, into one value
/// each without making a `String` per row (the store's shared `String`s, the analysis's text
/// numbers). Byte equality, not `String` equality: two spellings of one text are two positions.
public struct ByteSpellings: Sendable {
    private var bytes: [UInt8] = []
    /// Each spelling's end in `bytes`, and its hash.
    private var ends: [Int] = []
    private var hashes: [Int] = []
    /// Each spelling's position plus one (0: empty), a power of two long, at most half full,
    /// probed linearly from the slot its hash chooses.
    private var slots: [Int32] = Array(repeating: 0, count: 16)

    /// An empty table.
    public init() {}

    /// How many spellings are kept.
    public var count: Int { ends.count }

    /// The position of `spelling`, and whether it was added now (the next position).
    public mutating func position(of spelling: UnsafeBufferPointer<UInt8>) -> (position: Int, isNew: Bool) {
        let hash = Self.hash(spelling)
        let slot = slot(of: spelling, hash: hash)
        if slots[slot] != 0 { return (Int(slots[slot]) - 1, false) }
        bytes.append(contentsOf: spelling)
        ends.append(bytes.count)
        hashes.append(hash)
        slots[slot] = Int32(ends.count)
        if 2 * ends.count > slots.count { rebuildSlots(count: 2 * slots.count) }
        return (ends.count - 1, true)
    }

    /// The slot holding `spelling` (whose hash is `hash`), or the empty slot where it goes.
    private func slot(of spelling: UnsafeBufferPointer<UInt8>, hash: Int) -> Int {
        let mask = slots.count - 1
        var slot = hash & mask
        while slots[slot] != 0 {
            let position = Int(slots[slot]) - 1
            if hashes[position] == hash, kept(position, is: spelling) { break }
            slot = (slot + 1) & mask
        }
        return slot
    }

    /// Whether the spelling kept at `position` is `spelling`.
    private func kept(_ position: Int, is spelling: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = position == 0 ? 0 : ends[position - 1]
        guard ends[position] - start == spelling.count else { return false }
        guard let given = spelling.baseAddress else { return true }
        return bytes.withUnsafeBufferPointer { all in
            guard let stored = all.baseAddress else { return false }
            return memcmp(stored + start, given, spelling.count) == 0
        }
    }

    /// A table of `count` slots filled with every spelling kept.
    private mutating func rebuildSlots(count: Int) {
        slots = Array(repeating: 0, count: count)
        let mask = count - 1
        for position in ends.indices {
            var slot = hashes[position] & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(position + 1)
        }
    }

    /// FNV-1a over `spelling`. Not seeded: the spellings are a store's own few repeated values,
    /// and a collision only lengthens a probe.
    private static func hash(_ spelling: UnsafeBufferPointer<UInt8>) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in spelling { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return Int(truncatingIfNeeded: hash ^ hash >> 29)
    }
}
