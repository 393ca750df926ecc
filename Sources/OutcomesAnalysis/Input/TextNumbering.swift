import Foundation

/// Distinct texts numbered in order of first use: the compact columns store a text's number
/// (staff, instruments, goal domains, episodes' descriptive fields) and keep each text once.
/// Texts are the same when `String` says so (canonical equivalence: a decomposed "é" is the
/// precomposed one).
///
/// Texts read from the store as bytes (`number(ofUTF8:)`) are found by their bytes once a
/// spelling has been numbered: an open-addressing table hashed with FNV-1a, no `String` made.
/// Numbering an episode's eight texts through `String`s (the store's shared one for each value,
/// then a `[String: Int]` lookup) took 6,800 instructions an episode (callgrind, `report
/// monthly` of a 20,000-episode network), the larger part of reading the store's episodes.
struct TextNumbering: Sendable {
    /// The texts, by number.
    private(set) var texts: [String] = []
    private var numbers: [String: Int] = [:]
    /// The spellings met as bytes, one after another: each one's end in `spellingBytes`, hash
    /// and number.
    private var spellingBytes: [UInt8] = []
    private var spellingEnds: [Int] = []
    private var spellingHashes: [Int] = []
    private var spellingNumbers: [Int32] = []
    /// Each spelling's position plus one (0: empty), a power of two long, at most half full,
    /// probed linearly from the slot its hash chooses.
    private var slots: [Int32] = []

    /// The number of `text`, given on its first use.
    mutating func number(of text: String) -> Int {
        if let number = numbers[text] { return number }
        let number = texts.count
        texts.append(text)
        numbers[text] = number
        return number
    }

    /// The number of the text whose UTF-8 bytes are `bytes` (invalid bytes read as U+FFFD, as
    /// `String(decoding:as:)` reads them), given on its first use.
    mutating func number(ofUTF8 bytes: UnsafeBufferPointer<UInt8>) -> Int {
        if slots.isEmpty { slots = Array(repeating: 0, count: 16) }
        let hash = Self.hash(bytes)
        let slot = slot(of: bytes, hash: hash)
        if slots[slot] != 0 { return Int(spellingNumbers[Int(slots[slot]) - 1]) }
        let number = number(of: String(decoding: bytes, as: UTF8.self))
        spellingBytes.append(contentsOf: bytes)
        spellingEnds.append(spellingBytes.count)
        spellingHashes.append(hash)
        spellingNumbers.append(Int32(number))
        slots[slot] = Int32(spellingEnds.count)
        if 2 * spellingEnds.count > slots.count { rebuildSlots(count: 2 * slots.count) }
        return number
    }

    /// The text numbered `number`.
    subscript(number: Int) -> String { texts[number] }

    /// How many texts are numbered.
    var count: Int { texts.count }

    /// The slot holding the spelling `bytes` (whose hash is `hash`), or the empty slot where it goes.
    private func slot(of bytes: UnsafeBufferPointer<UInt8>, hash: Int) -> Int {
        let mask = slots.count - 1
        var slot = hash & mask
        while slots[slot] != 0 {
            let position = Int(slots[slot]) - 1
            if spellingHashes[position] == hash, spelling(position, is: bytes) { break }
            slot = (slot + 1) & mask
        }
        return slot
    }

    /// Whether spelling number `position` is `bytes`.
    private func spelling(_ position: Int, is bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = position == 0 ? 0 : spellingEnds[position - 1]
        guard spellingEnds[position] - start == bytes.count else { return false }
        guard let given = bytes.baseAddress else { return true }
        return spellingBytes.withUnsafeBufferPointer { all in
            guard let stored = all.baseAddress else { return false }
            return memcmp(stored + start, given, bytes.count) == 0
        }
    }

    /// A table of `count` slots filled with every spelling met so far.
    private mutating func rebuildSlots(count: Int) {
        slots = Array(repeating: 0, count: count)
        let mask = count - 1
        for position in spellingEnds.indices {
            var slot = spellingHashes[position] & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(position + 1)
        }
    }

    /// FNV-1a over `bytes`. Not seeded: the texts are the store's own few descriptive values, and
    /// a collision only lengthens a probe.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return Int(truncatingIfNeeded: hash ^ hash >> 29)
    }
}
