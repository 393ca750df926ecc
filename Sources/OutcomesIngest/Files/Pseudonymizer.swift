import Crypto

/// Turns source patient identifiers into pseudonyms: HMAC-SHA256 of the trimmed identifier's
/// UTF-8 bytes under a secret key, as 64 lowercase hex digits (SPEC section 6).
///
/// The same key always gives the same pseudonym, so records of one patient link across loads;
/// without the key a pseudonym cannot be traced back. The key's inner and outer pads are
/// hashed once here, so each pseudonym costs only the message's hashing.
public struct Pseudonymizer: Sendable {
    private let prototype: HMAC<SHA256>

    /// A pseudonymizer under `key` (32 random bytes, from `newKey()`).
    public init(key: [UInt8]) {
        prototype = HMAC<SHA256>(key: SymmetricKey(data: key))
    }

    /// 32 bytes from the system's cryptographically secure generator.
    public static func newKey() -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }

    /// The pseudonym of `sourceIdentifier` (surrounding spaces and tabs ignored).
    public func pseudonym(for sourceIdentifier: String) -> String {
        var hmac = prototype
        var text = sourceIdentifier
        text.withUTF8 { bytes in
            var start = 0, end = bytes.count
            while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
            while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
            hmac.update(data: UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[start..<end]))
        }
        return hmac.finalize().withUnsafeBytes { Hex.lowercase($0) }
    }
}

/// Lowercase hexadecimal text of bytes.
enum Hex {
    private static let digits = Array("0123456789abcdef".utf8)

    static func lowercase(_ bytes: UnsafeRawBufferPointer) -> String {
        String(unsafeUninitializedCapacity: bytes.count * 2) { out in
            for (index, byte) in bytes.enumerated() {
                out[2 * index] = digits[Int(byte >> 4)]
                out[2 * index + 1] = digits[Int(byte & 0x0F)]
            }
            return bytes.count * 2
        }
    }
}
