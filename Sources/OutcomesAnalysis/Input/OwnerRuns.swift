/// The owners of a table's rows as runs of consecutive rows with one owner (an episode position,
/// a store number while unplaced, or -1 for none), kept as rows are appended.
///
/// A store reads each episode's rows together, so a table of millions of rows is one run per
/// episode: `ranges(ownerCount:)` then gives each owner's rows as a range, with no per-row
/// owner or row-number array.
struct OwnerRuns: Sendable {
    private struct Run: Sendable {
        var owner: Int32
        var start: Int32
        var count: Int32
    }

    private var runs: [Run] = []

    /// Rows recorded so far.
    var rowCount: Int { runs.last.map { Int($0.start) + Int($0.count) } ?? 0 }

    /// Rows with no owner.
    var unownedCount: Int { runs.lazy.filter { $0.owner < 0 }.map { Int($0.count) }.reduce(0, +) }

    /// Records the next row's owner.
    mutating func append(owner: Int32) {
        if let last = runs.indices.last, runs[last].owner == owner {
            runs[last].count += 1
        } else {
            runs.append(Run(owner: owner, start: Int32(rowCount), count: 1))
        }
    }

    /// Gives each run the owner `place` gives its owner.
    mutating func replaceOwners(_ place: (Int32) -> Int32) {
        for index in runs.indices { runs[index].owner = place(runs[index].owner) }
    }

    /// Appends `other`'s runs after these rows (its rows numbered after `rowCount`).
    mutating func append(contentsOf other: OwnerRuns) {
        let offset = Int32(rowCount)
        runs += other.runs.lazy.map { Run(owner: $0.owner, start: $0.start + offset, count: $0.count) }
    }

    /// Each owner's rows as one range, or nil when an owner has rows in two runs.
    func ranges(ownerCount: Int) -> [Range<Int32>]? {
        var ranges = [Range<Int32>?](repeating: nil, count: ownerCount)
        for run in runs where run.owner >= 0 {
            guard ranges[Int(run.owner)] == nil else { return nil }
            ranges[Int(run.owner)] = run.start..<(run.start + run.count)
        }
        return ranges.map { $0 ?? 0..<0 }
    }

    /// Each row's owner.
    func owners() -> [Int32] {
        var owners: [Int32] = []
        owners.reserveCapacity(rowCount)
        for run in runs { owners += repeatElement(run.owner, count: Int(run.count)) }
        return owners
    }
}
