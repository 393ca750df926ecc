import Foundation

/// An output file written whole or not at all (SPEC section 6): the bytes go to a hidden
/// temporary file in the same folder, which is synced and renamed over the output name only when
/// complete, so a crash or a full disk never leaves a half-written file or destroys the previous one.
///
/// The one rule for every file the tool writes: reports, charts, SVG folders, the rejects file and
/// the pseudonym key.
public final class AtomicFile {
    /// Who may read the file once installed.
    public enum Access: Sendable {
        /// Owner-only (0600) whatever the umask: files holding identifiers or episode-level data.
        case ownerOnly
        /// 0666 less the process's umask, as any other output.
        case standard
    }

    /// The output name the file is renamed to on `commit()`.
    public let path: String
    private let temporary: String
    private var descriptor: Int32
    private var committed = false

    /// Creates the temporary file beside `path`; nothing at `path` changes until `commit()`.
    public init(path: String, access: Access) throws {
        self.path = path
        let url = URL(fileURLWithPath: path)
        temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(getpid()).partial").path
        unlink(temporary)
        let mode: mode_t = access == .ownerOnly ? 0o600 : 0o666
        descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard descriptor >= 0 else { throw AtomicFileError(path: path, action: "create") }
        if access == .ownerOnly, fchmod(descriptor, 0o600) != 0 {
            let error = AtomicFileError(path: path, action: "restrict")
            discard()
            throw error
        }
    }

    deinit {
        if !committed { discard() }
    }

    // MARK: - Writing

    /// Appends `bytes` to the temporary file.
    public func write(_ bytes: some Sequence<UInt8>) throws {
        let array = Array(bytes)
        var done = 0
        while done < array.count {
            let count = array.withUnsafeBytes {
                systemWrite(descriptor, $0.baseAddress.map { $0 + done }, array.count - done)
            }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { throw AtomicFileError(path: path, action: "write") }
            done += count
        }
    }

    /// Syncs the temporary file and renames it over `path`; the folder is synced as well.
    public func commit() throws {
        guard fsync(descriptor) == 0 else { throw AtomicFileError(path: path, action: "write") }
        close(descriptor)
        descriptor = -1
        guard rename(temporary, path) == 0 else { throw AtomicFileError(path: path, action: "install") }
        committed = true
        Self.syncFolder(of: path)
    }

    /// Writes `data` to `path` in one go: temporary file, sync, rename.
    public static func write(_ data: some Sequence<UInt8>, to path: String, access: Access) throws {
        let file = try AtomicFile(path: path, access: access)
        try file.write(data)
        try file.commit()
    }

    // MARK: - Cleaning up

    private func discard() {
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
        unlink(temporary)
    }

    /// Syncs the folder holding `path` (best effort: some file systems refuse it).
    private static func syncFolder(of path: String) {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let descriptor = open(folder, O_RDONLY)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }
}

/// An output file that could not be created, written or renamed into place.
public struct AtomicFileError: Error, CustomStringConvertible {
    /// The output name.
    public let path: String
    /// What failed: "create", "restrict", "write" or "install".
    public let action: String
    /// The system's reason.
    public let reason: String

    init(path: String, action: String) {
        self.path = path
        self.action = action
        reason = String(cString: strerror(errno))
    }

    /// "<path>: cannot write the file: No space left on device".
    public var description: String { "\(path): cannot \(action) the file: \(reason)" }
}

/// `write(2)`, under a name the method `AtomicFile.write` does not shadow.
private func systemWrite(_ fd: Int32, _ base: UnsafeRawPointer?, _ count: Int) -> Int {
    write(fd, base, count)
}
