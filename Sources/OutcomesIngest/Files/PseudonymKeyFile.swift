#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import OutcomesCore

/// The pseudonymization key on disk: 32 raw bytes in a file only its owner can read or write
/// (mode 0600), created once beside the database (SPEC section 6).
///
/// The key is written whole or not at all: to a temporary file in the same folder, synced, then
/// moved into place, so a process killed while creating it never leaves a short key behind.
public enum PseudonymKeyFile {
    /// The length of a key, in bytes.
    public static let keyLength = 32

    /// What a key file holds.
    public enum State: Equatable, Sendable {
        /// A usable key.
        case valid([UInt8])
        /// No file.
        case missing
        /// A file of the wrong length (0 bytes after an interrupted `init` of an earlier version);
        /// `bytes` is capped at `keyLength + 1`.
        case invalid(bytes: Int)

        /// Why the key cannot be used, for people; nil when it can.
        public var problem: String? {
            switch self {
            case .valid: return nil
            case .missing: return "the pseudonymisation key is missing"
            case .invalid(let bytes) where bytes == 0:
                return "the pseudonymisation key is empty (0 bytes; was `init` interrupted?)"
            case .invalid(let bytes):
                let held = bytes > keyLength ? "more" : String(bytes)
                return "the pseudonymisation key must hold exactly \(keyLength) bytes; this one holds \(held)"
            }
        }
    }

    /// What `prepare` did.
    public enum Preparation: Equatable, Sendable {
        /// A valid key was there and is kept.
        case kept
        /// There was no key: a new one was written.
        case created
        /// The key could not be used and no record depended on it: a new one replaced it.
        case replaced(problem: String)
    }

    // MARK: - Reading

    /// Reads what the file at `path` holds; throws only when it exists but cannot be read.
    public static func state(path: String, displayName: String? = nil) throws -> State {
        let name = displayName ?? path
        if access(path, F_OK) != 0, errno == ENOENT { return .missing }
        let file = try ByteFile(path: path, displayName: name)
        var buffer = [UInt8](repeating: 0, count: keyLength + 1)
        var count = 0
        while count < buffer.count {
            let read = try buffer.withUnsafeMutableBytes {
                try file.read(into: UnsafeMutableRawBufferPointer(rebasing: $0[count...]))
            }
            if read == 0 { break }
            count += read
        }
        return count == keyLength ? .valid(Array(buffer[0..<keyLength])) : .invalid(bytes: count)
    }

    /// The key at `path`; throws an `IngestFileError` naming the file when it is missing or
    /// does not hold exactly 32 bytes. Never creates a key: a new key would give every patient
    /// a new pseudonym.
    public static func load(path: String, displayName: String? = nil) throws -> [UInt8] {
        let state = try state(path: path, displayName: displayName)
        if case .valid(let key) = state { return key }
        throw IngestFileError(file: displayName ?? path, message: state.problem ?? "")
    }

    // MARK: - Creating

    /// For `init`: keeps a valid key; writes a new key when there is none, or when the file
    /// cannot be used and `holdsPseudonyms` is false (no stored record was pseudonymised with
    /// it). Refuses, naming the file, when an unusable key guards stored pseudonyms.
    public static func prepare(path: String, displayName: String? = nil,
                               holdsPseudonyms: Bool) throws -> Preparation {
        let name = displayName ?? path
        let state = try state(path: path, displayName: name)
        switch state {
        case .valid:
            return .kept
        case .missing, .invalid:
            guard !holdsPseudonyms else {
                throw IngestFileError(file: name, message: (state.problem ?? "") + """
                    , but the database already holds pseudonymised records: a new key would give every patient \
                    a new pseudonym. Restore the key from a backup; nothing was changed
                    """)
            }
            try write(Pseudonymizer.newKey(), path: path, displayName: name)
            return state == .missing ? .created : .replaced(problem: state.problem ?? "")
        }
    }

    /// Writes `key` to `path` through `AtomicFile`: owner-only, whole or not at all.
    static func write(_ key: [UInt8], path: String, displayName: String) throws {
        do {
            try AtomicFile.write(key, to: path, access: .ownerOnly)
        } catch let error as AtomicFileError {
            throw IngestFileError(file: displayName, message: "cannot \(error.action) the key: \(error.reason)")
        }
    }
}
