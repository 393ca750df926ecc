#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The pseudonymization key on disk: 32 raw bytes in a file only its owner can read or write
/// (mode 0600), created once beside the database (SPEC section 6).
public enum PseudonymKeyFile {
    /// Reads the key at `path`, creating it with a new random key (mode 0600) when it does not
    /// exist. Throws when the file cannot be read or created, or does not hold exactly 32 bytes.
    public static func loadOrCreate(path: String, displayName: String? = nil) throws -> [UInt8] {
        let name = displayName ?? path
        let created = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        if created >= 0 {
            defer { close(created) }
            let key = Pseudonymizer.newKey()
            let written = key.withUnsafeBytes { write(created, $0.baseAddress, $0.count) }
            guard written == key.count, fsync(created) == 0 else {
                throw IngestFileError(file: name, message: "cannot write the key: \(String(cString: strerror(errno)))")
            }
            return key
        }
        guard errno == EEXIST else {
            throw IngestFileError(file: name, message: "cannot create the key: \(String(cString: strerror(errno)))")
        }
        let file = try ByteFile(path: path, displayName: name)
        var buffer = [UInt8](repeating: 0, count: 64)
        let count = try buffer.withUnsafeMutableBytes { try file.read(into: $0) }
        guard count == 32 else {
            throw IngestFileError(file: name, message: "a key file holds exactly 32 bytes; this one holds \(count == 64 ? "more" : String(count))")
        }
        return Array(buffer[0..<32])
    }
}
