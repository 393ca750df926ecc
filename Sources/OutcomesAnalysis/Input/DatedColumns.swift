import OutcomesCore

/// A table of dated rows that the dataset groups by owner (`DatedColumns.grouped`).
protocol DatedColumns: Sendable {
    var count: Int { get }
    func date(_ row: Int) -> Day
    /// Puts the rows of `range` in the order `order` lists them (a permutation of `range`).
    mutating func rearrange(_ range: Range<Int>, as order: [Int])
    /// The rows at `rows`, in that order.
    func reordered(_ rows: some Sequence<Int>) -> Self
}

extension DatedColumns {
    /// Puts each owner's rows together and in date order (ties in row order), and returns each
    /// owner's range. A store reads each episode's rows together, so they only need sorting
    /// within each episode's run, in place (no copy of the table when this value is the only
    /// reference to it, as `AnalysisDataset.Builder.build` arranges); rows appended otherwise
    /// (tests, small programs) are reordered into that shape, those without an owner left out.
    mutating func group(by owners: OwnerRuns, ownerCount: Int) -> [Range<Int32>] {
        if let ranges = owners.ranges(ownerCount: ownerCount) {
            for range in ranges {
                let rows = Int(range.lowerBound)..<Int(range.upperBound)
                guard rows.dropFirst().contains(where: { date($0 - 1) > date($0) }) else { continue }
                let order = rows.sorted { (date($0).ordinal, $0) < (date($1).ordinal, $1) }
                rearrange(rows, as: order)
            }
            return ranges
        }
        let index = GroupIndex(ownerOf: owners.owners(), ownerCount: ownerCount) { date($0).ordinal }
        var ranges: [Range<Int32>] = []
        var start: Int32 = 0
        for owner in 0..<ownerCount {
            let end = start + Int32(index.rows(of: owner).count)
            ranges.append(start..<end)
            start = end
        }
        self = reordered((0..<ownerCount).lazy.flatMap { index.rows(of: $0).lazy.map { Int($0) } })
        return ranges
    }
}
