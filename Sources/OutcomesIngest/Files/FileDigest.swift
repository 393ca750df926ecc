import Crypto

/// The SHA-256 of a file's bytes, for the load log and the provenance appendix.
public enum FileDigest {
    /// Streams `path` through SHA-256 in 1 MiB chunks; returns 64 lowercase hex digits.
    public static func sha256(path: String, displayName: String? = nil) throws -> String {
        let file = try ByteFile(path: path, displayName: displayName ?? path)
        var hasher = SHA256()
        var buffer = [UInt8](repeating: 0, count: ByteFile.chunkSize)
        while true {
            let count = try buffer.withUnsafeMutableBytes { try file.read(into: $0) }
            if count == 0 { break }
            buffer.withUnsafeBytes { hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
        }
        return hasher.finalize().withUnsafeBytes { Hex.lowercase($0) }
    }
}
