/// How `EpisodeSpanIndex` files a patient key, in half the memory when it is a pseudonym.
///
/// A pseudonym (64 lowercase hexadecimal digits, as `Pseudonymizer` writes every stored patient
/// key) is kept as a 0 byte and the 32 bytes its digits spell; any other key as a 1 byte and its
/// UTF-8. Packed keys sort as pseudonyms first, then the other keys, each kind in the byte order
/// of its text (digits sort as the nibbles they spell), and two different keys never pack alike.
/// Measured at 1,000,000 episodes: 926,819 pseudonyms took 59 MB as text, 31 MB packed.
public enum PatientKeyPacking {
    /// The length of a pseudonym in hexadecimal digits.
    public static let pseudonymDigits = 64

    /// The bytes a pseudonym takes packed.
    public static let packedPseudonymBytes = 1 + pseudonymDigits / 2

    /// Whether `key` is 64 lowercase hexadecimal digits.
    public static func isPseudonym(_ key: UnsafeBufferPointer<UInt8>) -> Bool {
        key.count == pseudonymDigits && key.allSatisfy { nibble($0) != nil }
    }

    /// Runs `body` with `key` packed.
    public static func withPacked<T>(_ key: UnsafeBufferPointer<UInt8>,
                                     _ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
        let pseudonym = isPseudonym(key)
        let count = pseudonym ? packedPseudonymBytes : 1 + key.count
        return try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count) { packed in
            packed[0] = pseudonym ? 0 : 1
            for index in 1..<count {
                if pseudonym, let high = nibble(key[2 * index - 2]), let low = nibble(key[2 * index - 1]) {
                    packed[index] = high << 4 | low
                } else {
                    packed[index] = key[index - 1]
                }
            }
            return try body(UnsafeBufferPointer(packed))
        }
    }

    /// The value of a lowercase hexadecimal digit.
    private static func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return digit - UInt8(ascii: "a") + 10
        default: return nil
        }
    }
}
