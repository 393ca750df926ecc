import CLibCrypto

/// The SHA-256 of a file's bytes, for the load log and the provenance appendix.
public enum FileDigest {
    /// Streams `path` through SHA-256 (libcrypto's EVP_Digest) in 1 MiB chunks; returns 64
    /// lowercase hex digits.
    public static func sha256(path: String, displayName: String? = nil) throws -> String {
        let file = try ByteFile(path: path, displayName: displayName ?? path)
        guard let context = EVP_MD_CTX_new() else { fatalError("libcrypto cannot allocate a digest context") }
        defer { EVP_MD_CTX_free(context) }
        guard EVP_DigestInit_ex(context, EVP_sha256(), nil) == 1 else { fatalError("libcrypto has no SHA-256") }
        var buffer = [UInt8](repeating: 0, count: ByteFile.chunkSize)
        while true {
            let count = try buffer.withUnsafeMutableBytes { try file.read(into: $0) }
            if count == 0 { break }
            _ = buffer.withUnsafeBytes { EVP_DigestUpdate(context, $0.baseAddress, count) }
        }
        var digest = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        _ = digest.withUnsafeMutableBufferPointer { EVP_DigestFinal_ex(context, $0.baseAddress, &length) }
        return digest.withUnsafeBytes { Hex.lowercase($0) }
    }
}
