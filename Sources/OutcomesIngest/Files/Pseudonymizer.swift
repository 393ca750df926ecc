import CLibCrypto

/// Turns source patient identifiers into pseudonyms: HMAC-SHA256 of the trimmed identifier's
/// UTF-8 bytes under a secret key, as 64 lowercase hex digits (SPEC section 6).
///
/// The same key always gives the same pseudonym, so records of one patient link across loads;
/// without the key a pseudonym cannot be traced back. The key is set up once (libcrypto's
/// EVP_MAC context); each pseudonym copies that context and hashes only the message.
public struct Pseudonymizer: Sendable {
    private let keyed: KeyedHMAC

    /// A pseudonymizer under `key` (32 random bytes, from `newKey()`).
    public init(key: [UInt8]) {
        keyed = KeyedHMAC(key: key)
    }

    /// 32 bytes from the system's cryptographically secure generator.
    public static func newKey() -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }

    /// The bytes around a source identifier that its pseudonym ignores: spaces and tabs.
    static func isPadding(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    /// `sourceIdentifier` as its pseudonym reads it, without the padding around it: two identifiers
    /// have the same pseudonym exactly when these are equal.
    static func pseudonymised(_ sourceIdentifier: String) -> Substring {
        let utf8 = sourceIdentifier.utf8
        let start = utf8.firstIndex { !isPadding($0) } ?? utf8.endIndex
        let end = utf8[start...].lastIndex { !isPadding($0) }.map(utf8.index(after:)) ?? start
        return sourceIdentifier[start..<end]
    }

    /// The pseudonym of `sourceIdentifier` (surrounding spaces and tabs ignored).
    public func pseudonym(for sourceIdentifier: String) -> String {
        var text = sourceIdentifier
        return text.withUTF8 { bytes in
            var start = 0, end = bytes.count
            while start < end, Self.isPadding(bytes[start]) { start += 1 }
            while end > start, Self.isPadding(bytes[end - 1]) { end -= 1 }
            let digest = keyed.mac(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[start..<end]))
            return digest.withUnsafeBytes { Hex.lowercase($0) }
        }
    }
}

/// One keyed HMAC-SHA256 context of libcrypto, freed with its owner.
///
/// `@unchecked Sendable`: the context is only read after `init` (each message works on a copy,
/// `EVP_MAC_CTX_dup`), which libcrypto allows from any number of threads at once.
private final class KeyedHMAC: @unchecked Sendable {
    private let context: OpaquePointer

    init(key: [UInt8]) {
        guard let context = key.withUnsafeBufferPointer({ iop_hmac_sha256_new($0.baseAddress, $0.count) }) else {
            // Only a broken libcrypto installation fails here; no pseudonym may be made without it.
            fatalError("libcrypto cannot set up HMAC-SHA256")
        }
        self.context = context
    }

    deinit { EVP_MAC_CTX_free(context) }

    /// The 32-byte MAC of `message`.
    func mac(_ message: UnsafeRawBufferPointer) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        let ok = out.withUnsafeMutableBufferPointer { digest in
            iop_hmac_sha256(context, message.baseAddress?.assumingMemoryBound(to: UInt8.self), message.count,
                            digest.baseAddress)
        }
        guard ok == 1 else { fatalError("libcrypto failed to compute an HMAC-SHA256") }
        return out
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
