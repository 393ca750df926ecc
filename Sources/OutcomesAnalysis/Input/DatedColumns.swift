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
            // Each row's key is computed once, and a run out of order sorted by its (key, row)
            // pairs: sorting the rows with a comparison that computed both keys was 8.7% of a
            // monthly report's instructions (an episode's assessments come by instrument code).
            var keyed: [(key: Int, row: Int)] = []
            for range in ranges where range.count > 1 {
                let rows = Int(range.lowerBound)..<Int(range.upperBound)
                keyed.removeAll(keepingCapacity: true)
                var inOrder = true
                for row in rows {
                    let key = groupingKey(row)
                    if let last = keyed.last, last.key > key { inOrder = false }
                    keyed.append((key, row))
                }
                guard !inOrder else { continue }
                keyed.sort { ($0.key, $0.row) < ($1.key, $1.row) }
                rearrange(rows, as: keyed.map(\.row))
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
