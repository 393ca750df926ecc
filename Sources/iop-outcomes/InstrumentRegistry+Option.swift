import OutcomesCore
import OutcomesIngest

extension InstrumentRegistry {
    /// The built-in instruments, extended or overridden by `--instruments FILE` when given.
    static func loading(_ path: String?) throws -> InstrumentRegistry {
        try path.map { try InstrumentFile.registry(path: $0) } ?? .builtIn
    }
}
