import GRDB

/// Which episodes may have a stored pack, as one file load knows it without asking the pack
/// table: none numbered above the highest that had one when the load began, except those whose
/// pack the load has stored since. Episode numbers are given in ascending order as episodes are
/// added, so the episodes a load brings new rows to are mostly above that number (a first load,
/// a month's new admissions), and their runs (`EpisodePackBuilder`) skip the pack table's
/// look-up (measured: 8,000 instructions an episode, 220 a session row).
struct PackedEpisodes {
    /// The highest episode number with a stored pack when the load began; nil when none had one.
    private let highestAtStart: Int64?
    /// Bit `n` set: the load stored a pack for episode `highestAtStart + 1 + n` (or, with no pack
    /// at the start, for episode `n`).
    private var storedSince: [UInt64] = []
    /// The most episodes above `highestAtStart` tracked bit by bit (8 MiB of bits); an episode
    /// beyond them is taken to have a pack, which costs only its look-up.
    private static let trackedEpisodes: Int64 = 1 << 26

    /// The state of `packTable` (an `EpisodePack.packTable`) as the load begins.
    init(_ db: Database, packTable: String) throws {
        highestAtStart = try Int64.fetchOne(db, sql: "SELECT max(episode_no) FROM \(packTable)")
    }

    /// The bit of `episode` in `storedSince`, or nil when it is not tracked (not above
    /// `highestAtStart`, or too far above it).
    private func bit(_ episode: Int64) -> Int? {
        let offset = episode - (highestAtStart.map { $0 + 1 } ?? 0)
        guard offset >= 0, offset < Self.trackedEpisodes else { return nil }
        return Int(offset)
    }

    /// False when `episode` certainly has no stored pack; true when it may have one.
    func mayHavePack(_ episode: Int64) -> Bool {
        guard let bit = bit(episode) else { return true }
        let word = bit / 64
        return word < storedSince.count && storedSince[word] & (1 << UInt64(bit % 64)) != 0
    }

    /// Notes that the load has stored a pack for `episode`.
    mutating func noteStored(_ episode: Int64) {
        guard let bit = bit(episode) else { return }
        let word = bit / 64
        if word >= storedSince.count { storedSince += repeatElement(0, count: word + 1 - storedSince.count) }
        storedSince[word] |= 1 << UInt64(bit % 64)
    }
}
