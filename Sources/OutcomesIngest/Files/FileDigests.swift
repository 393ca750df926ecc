import Foundation

/// The SHA-256 digests of a load's files, computed one after another on a thread of their own
/// from the moment the files are known, so that each is ready, or nearly, when its file's load
/// needs it. Hashing each file just before its load kept one core idle while the other hashed:
/// a 2,000-episode FHIR export is 102 MB, about 60 ms of SHA-256, hidden behind the first pass
/// over the export.
public final class FileDigests: @unchecked Sendable {
    private let condition = NSCondition()
    /// The paths being hashed.
    private let paths: Set<String>
    /// The digest (or the read error) of each path done, read and written under `condition` only
    /// (which is what makes the class safe to share between threads).
    private var results: [String: Result<String, any Error>] = [:]

    /// Starts hashing `paths`, in order (each once).
    public init(paths: [String]) {
        self.paths = Set(paths)
        var seen: Set<String> = []
        let order = paths.filter { seen.insert($0).inserted }
        Thread { [weak self] in
            for path in order {
                let result = Result { try FileDigest.sha256(path: path) }
                guard let self else { return }
                self.condition.lock()
                self.results[path] = result
                self.condition.broadcast()
                self.condition.unlock()
            }
        }.start()
    }

    /// The lowercase hex SHA-256 of `path`, waiting for it when it is one of the paths given
    /// (else computed now); throws the `IngestFileError` reading the file gave.
    public func sha256(of path: String) throws -> String {
        guard paths.contains(path) else { return try FileDigest.sha256(path: path) }
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let result = results[path] { return try result.get() }
            condition.wait()
        }
    }
}
