import OutcomesCore

/// Where one input row ended up.
public enum RowDisposition: Sendable {
    case loaded, updated, duplicate
}

/// What a file load did: the row accounting `read = loaded + updated + duplicates + rejected`.
public struct LoadSummary: Sendable, Equatable {
    public var file: String
    public var table: CanonicalTable
    public var sha256: String
    public var loaded = 0
    public var updated = 0
    public var duplicates = 0
    public var rejectsByReason: [RejectReason: Int] = [:]
    /// Set when this exact file (same SHA-256, same table) was loaded before: nothing was read.
    /// The id is the file's first load.
    public var previousLoadID: Int64?
    /// When `previousLoadID` is set: how many rows the file's latest load rejected (a reload
    /// tries them again).
    public var rejectedBefore = 0
    /// Set when this load read a file loaded before again, on request: the file's first load.
    public var reloadOf: Int64?
    /// True when every row was rejected as `unknown_episode`: the load was undone and not
    /// recorded, so that the same file loads once its episodes are (a file recorded as loaded is
    /// skipped).
    public var notRecorded = false

    public init(file: String, table: CanonicalTable, sha256: String) {
        self.file = file
        self.table = table
        self.sha256 = sha256
    }

    public var rejected: Int { rejectsByReason.values.reduce(0, +) }
    public var read: Int { loaded + updated + duplicates + rejected }
    public var alreadyLoaded: Bool { previousLoadID != nil }

    /// Counts `lines` input lines (one row, or a record built from several lines) as `disposition`.
    mutating func count(_ disposition: RowDisposition, lines: Int = 1) {
        switch disposition {
        case .loaded: loaded += lines
        case .updated: updated += lines
        case .duplicate: duplicates += lines
        }
    }
}
