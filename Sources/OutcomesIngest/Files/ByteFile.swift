#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A file opened read-only and read in large chunks with `read(2)`; closed on deinit.
final class ByteFile {
    /// The size of one read: large enough that system calls cost nothing per record.
    static let chunkSize = 1 << 20

    private let descriptor: Int32
    private let displayName: String

    /// Opens `path`; throws an `IngestFileError` naming `displayName` when it cannot.
    init(path: String, displayName: String) throws {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            throw IngestFileError(file: displayName, message: "cannot open: \(String(cString: strerror(errno)))")
        }
        descriptor = fd
        self.displayName = displayName
    }

    deinit { close(descriptor) }

    /// Reads up to `buffer.count` bytes into `buffer`; returns the number read, 0 at end of file.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard let base = buffer.baseAddress else { return 0 }
        while true {
            let count = systemRead(descriptor, base, buffer.count)
            if count >= 0 { return count }
            if errno == EINTR { continue }
            throw IngestFileError(file: displayName, message: "read failed: \(String(cString: strerror(errno)))")
        }
    }
}

/// `read(2)`, under a name the method `ByteFile.read(into:)` does not shadow.
private func systemRead(_ fd: Int32, _ base: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(fd, base, count)
}
