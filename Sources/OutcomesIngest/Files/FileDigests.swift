import Foundation

/// The SHA-256 digests of a load's files, computed one after another on a thread of their own
/// from the moment the files are known, so that each is ready, or nearly, when its file's load
/// needs it. Hashing each file just before its load kept one core idle while the other hashed:
/// a 2,000-episode FHIR export is 102 MB, about 60 ms of SHA-256, hidden behind the first pass
/// over the export. The thread runs at idle priority: a load keeps both cores busy reading and
/// storing rows, and a hash that took its share of a core from them (0.4 s of CPU for the
/// 450 MB sessions file of a 200,000-episode network) lengthened the load; it runs in the time
/// they leave, mostly the commit at the end.
public final class FileDigests: @unchecked Sendable {
    private let lock = NSLock()
    /// The paths being hashed.
    private let paths: Set<String>
    /// The digest (or the read error) of each path done, read and written under `lock` only
    /// (which is what makes the class safe to share between threads).
    private var results: [String: Result<String, any Error>] = [:]

    /// Starts hashing `paths`, in order (each once).
    public init(paths: [String]) {
        self.paths = Set(paths)
        var seen: Set<String> = []
        let order = paths.filter { seen.insert($0).inserted }
        Thread { [weak self] in
            Self.runAtIdlePriority()
            for path in order {
                let result = Result { try FileDigest.sha256(path: path) }
                guard let self else { return }
                self.lock.withLock { self.results[path] = result }
            }
        }.start()
    }

    /// Linux's idle scheduling class, `SCHED_IDLE` in `<linux/sched.h>` (Glibc's module does not
    /// export the name): a thread in it runs only when a core would otherwise be idle.
    static let idleSchedulingPolicy: Int32 = 5

    /// Puts the calling thread in `idleSchedulingPolicy`; where that is refused, the thread keeps
    /// its priority.
    static func runAtIdlePriority() {
        var parameters = sched_param()
        parameters.sched_priority = 0
        _ = sched_setscheduler(0, idleSchedulingPolicy, &parameters)
    }

    /// The lowercase hex SHA-256 of `path`: the thread's when it is done, else computed here, not
    /// waited for (a thread at idle priority may get no core on a machine kept busy by other
    /// programs). A file's first load asks once its rows are stored, when the thread has mostly
    /// finished; a later load of its table asks at its start (a file loaded before is skipped).
    /// Throws the `IngestFileError` reading the file gave.
    public func sha256(of path: String) throws -> String {
        guard paths.contains(path) else { return try FileDigest.sha256(path: path) }
        let done = lock.withLock { results[path] }
        return try done?.get() ?? FileDigest.sha256(path: path)
    }
}
