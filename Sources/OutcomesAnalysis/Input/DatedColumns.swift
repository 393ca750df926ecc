import OutcomesCore

/// A table of dated rows that the dataset groups by owner (`DatedColumns.grouped`).
protocol DatedColumns: Sendable {
    var count: Int { get }
    func date(_ row: Int) -> Day
    /// The order of an owner's rows: ascending, ties in row order (the date's ordinal unless the
    /// table orders its rows otherwise).
    func groupingKey(_ row: Int) -> Int
    /// Puts the rows of `range` in the order `order` lists them (a permutation of `range`).
    mutating func rearrange(_ range: Range<Int>, as order: [Int])
    /// The rows at `rows`, in that order.
    func reordered(_ rows: some Sequence<Int>) -> Self
}

extension DatedColumns {
    func groupingKey(_ row: Int) -> Int { date(row).ordinal }

    /// Puts each owner's rows together and in `groupingKey` order (ties in row order), and returns each
    /// owner's range. A store reads each episode's rows together, so they only need sorting
    /// within each episode's run, in place (no copy of the table when this value is the only
    /// reference to it, as `AnalysisDataset.Builder.build` arranges); rows appended otherwise
    /// (tests, small programs) are reordered into that shape, those without an owner left out.
    mutating func group(by owners: OwnerRuns, ownerCount: Int) -> [Range<Int32>] {
        if let ranges = owners.ranges(ownerCount: ownerCount) {
            for range in ranges {
                let rows = Int(range.lowerBound)..<Int(range.upperBound)
                guard rows.dropFirst().contains(where: { groupingKey($0 - 1) > groupingKey($0) }) else { continue }
                let order = rows.sorted { (groupingKey($0), $0) < (groupingKey($1), $1) }
                rearrange(rows, as: order)
            }
            return ranges
        }
        let index = GroupIndex(ownerOf: owners.owners(), ownerCount: ownerCount) { groupingKey($0) }
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
