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

    /// A key as the index files it. A pseudonym is hashed by its first 8 bytes only: they are
    /// uniformly spread (HMAC-SHA256 output), and equality still compares all 32.
    private enum Key: Hashable {
        case packed(Packed)
        case text(String)

        func hash(into hasher: inout Hasher) {
            switch self {
            case .packed(let bytes): hasher.combine(bytes.a)
            case .text(let text): hasher.combine(text)
            }
        }
    }

    /// Each patient's pseudonym by number; zero words for a key kept in `texts`.
    private var packed: [Packed] = []
    /// The keys that are not pseudonyms, by patient number.
    private var texts: [Int32: String] = [:]
    /// The number of each key; emptied by `dropIndex()` once no key is looked up any more.
    private var numbers: [Key: Int32] = [:]

    /// How many patients are numbered.
    var count: Int { packed.count }

    /// Room for `patients` patients.
    mutating func reserveCapacity(_ patients: Int) {
        packed.reserveCapacity(patients)
        numbers.reserveCapacity(patients)
    }

    /// The number of `key`, the next one when the key is new. One hash either way.
    mutating func number(of key: String) -> Int32 {
        let filed = Self.key(key)
        let next = Int32(packed.count)
        // The default is stored when the key is new; the number read back tells which it was.
        let number = Self.read(&numbers[filed, default: next])
        guard number == next else { return number }
        switch filed {
        case .packed(let bytes): packed.append(bytes)
        case .text(let text):
            packed.append(Packed())
            texts[next] = text
        }
        return next
    }

    /// The number of `key`, nil when no episode has it.
    func number(ifKnown key: String) -> Int32? { numbers[Self.key(key)] }

    /// The key of patient `number`.
    subscript(number: Int32) -> String { texts[number] ?? packed[Int(number)].digits }

    /// Frees the index of keys (`number(of:)` and `number(ifKnown:)` then find nothing).
    mutating func dropIndex() { numbers = [:] }

    /// The value behind an in-place access (`numbers[key, default:]` inserts through one).
    private static func read(_ value: inout Int32) -> Int32 { value }

    /// A key as the index files it: packed when `PatientKeyPacking` packs it as a pseudonym
    /// (kind byte 0), else its text.
    private static func key(_ text: String) -> Key {
        var contiguous = text
        return contiguous.withUTF8 { bytes in
            PatientKeyPacking.withPacked(bytes) { $0[0] == 0 ? .packed(Packed($0)) : .text(text) }
        }
    }
}
