import OutcomesCore

/// The dataset's patients: each one's key by patient number, and, while episodes and events are
/// added, the number of a key.
///
/// A pseudonym (64 lowercase hexadecimal digits, as `Pseudonymizer` writes every stored key)
/// is kept as the 32 bytes its digits spell (`PatientKeyPacking`) and spelled again when read;
/// any other key as its text. As a `String`, a pseudonym took 64 bytes on the heap plus its
/// allocation's header for each patient, beside the index's and the list's references to it.
struct PatientKeys: Sendable {
    /// A pseudonym's 32 bytes as four words, the first byte highest in `a`.
    struct Packed: Hashable, Sendable {
        var a: UInt64 = 0, b: UInt64 = 0, c: UInt64 = 0, d: UInt64 = 0

        /// The 32 bytes after `PatientKeyPacking`'s leading kind byte.
        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            func word(_ first: Int) -> UInt64 {
                var value: UInt64 = 0
                for index in first..<first + 8 { value = value << 8 | UInt64(bytes[index]) }
                return value
            }
            (a, b, c, d) = (word(1), word(9), word(17), word(25))
        }

        init() {}

        /// The 64 hexadecimal digits the bytes spell.
        var digits: String {
            String(unsafeUninitializedCapacity: PatientKeyPacking.pseudonymDigits) { buffer in
                for index in 0..<PatientKeyPacking.pseudonymDigits {
                    let word = switch index / 16 { case 0: a; case 1: b; case 2: c; default: d }
                    let nibble = word >> UInt64(60 - 4 * (index % 16)) & 0xF
                    buffer[index] = UInt8(nibble < 10 ? 48 + nibble : 87 + nibble)
                }
                return PatientKeyPacking.pseudonymDigits
            }
        }
    }

    /// Each patient's pseudonym by number; zero words for a key kept in `texts`.
    private var packed: [Packed] = []
    /// The keys that are not pseudonyms, by patient number.
    private var texts: [Int32: String] = [:]
    /// The index of pseudonyms: an open-addressing table of patient numbers plus one (0: empty),
    /// a power of two long, at most half full, probed linearly from the slot the first 8 bytes
    /// choose. Those bytes are uniformly spread (HMAC-SHA256 output), so they need no hashing:
    /// `Dictionary`'s hashing of every key was a third of numbering 200,000 episodes' patients.
    /// Equality still compares all 32 bytes.
    private var slots: [Int32] = []
    /// The number of each key that is not a pseudonym.
    private var textNumbers: [String: Int32] = [:]

    /// How many patients are numbered.
    var count: Int { packed.count }

    /// Room for `patients` patients.
    mutating func reserveCapacity(_ patients: Int) {
        packed.reserveCapacity(patients)
        if slots.count < 2 * patients { rebuildSlots(count: Self.slotCount(for: patients)) }
    }

    /// The number of `key`, the next one when the key is new.
    mutating func number(of key: String) -> Int32 {
        guard let bytes = Self.pseudonym(key) else { return number(ofText: key) }
        return number(ofPseudonym: bytes)
    }

    /// The number of the key whose UTF-8 bytes are `key` (a pseudonym packed from them, no
    /// `String` made), the next one when the key is new.
    mutating func number(ofUTF8 key: UnsafeBufferPointer<UInt8>) -> Int32 {
        guard let bytes = Self.pseudonym(utf8: key) else {
            return number(ofText: String(decoding: key, as: UTF8.self))
        }
        return number(ofPseudonym: bytes)
    }

    /// The number of `key`, which is not a pseudonym, the next one when the key is new.
    private mutating func number(ofText key: String) -> Int32 {
        let next = Int32(packed.count)
        // The default is stored when the key is new; the number read back tells which it was.
        let number = Self.read(&textNumbers[key, default: next])
        if number == next {
            packed.append(Packed())
            texts[next] = key
        }
        return number
    }

    /// The number of the pseudonym packed as `bytes`, the next one when it is new.
    private mutating func number(ofPseudonym bytes: Packed) -> Int32 {
        let next = Int32(packed.count)
        if 2 * (packed.count + 1) > slots.count { rebuildSlots(count: Self.slotCount(for: packed.count + 1)) }
        let slot = slot(of: bytes)
        if slots[slot] != 0 { return slots[slot] - 1 }
        slots[slot] = next + 1
        packed.append(bytes)
        return next
    }

    /// The number of `key`, nil when no episode has it.
    func number(ifKnown key: String) -> Int32? {
        guard let bytes = Self.pseudonym(key) else { return textNumbers[key] }
        guard !slots.isEmpty else { return nil }
        let number = slots[slot(of: bytes)]
        return number == 0 ? nil : number - 1
    }

    /// The key of patient `number`.
    subscript(number: Int32) -> String { texts[number] ?? packed[Int(number)].digits }

    /// Frees the index of keys: `number(ifKnown:)` then finds nothing (numbering a key builds it again).
    mutating func dropIndex() {
        slots = []
        textNumbers = [:]
    }

    /// The slot holding `bytes`' number, or the empty slot where it goes.
    private func slot(of bytes: Packed) -> Int {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: bytes.a) & mask
        while slots[slot] != 0, packed[Int(slots[slot] - 1)] != bytes { slot = (slot + 1) & mask }
        return slot
    }

    /// A table of `count` slots filed with every pseudonym numbered so far.
    private mutating func rebuildSlots(count: Int) {
        slots = Array(repeating: 0, count: count)
        for (number, bytes) in packed.enumerated() where texts[Int32(number)] == nil {
            slots[slot(of: bytes)] = Int32(number) + 1
        }
    }

    /// The smallest power of two at least twice `keys` (16 at least).
    private static func slotCount(for keys: Int) -> Int {
        var count = 16
        while count < 2 * keys { count *= 2 }
        return count
    }

    /// The value behind an in-place access (`textNumbers[key, default:]` inserts through one).
    private static func read(_ value: inout Int32) -> Int32 { value }

    /// `key` packed when `PatientKeyPacking` packs it as a pseudonym (kind byte 0); nil for any other key.
    private static func pseudonym(_ key: String) -> Packed? {
        var contiguous = key
        return contiguous.withUTF8(pseudonym(utf8:))
    }

    /// The key whose UTF-8 bytes are `key` packed, when it is a pseudonym; nil for any other key.
    private static func pseudonym(utf8 key: UnsafeBufferPointer<UInt8>) -> Packed? {
        PatientKeyPacking.withPacked(key) { $0[0] == 0 ? Packed($0) : nil }
    }
}
