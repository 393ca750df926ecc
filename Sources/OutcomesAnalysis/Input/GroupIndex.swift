/// Rows of one table grouped by an owner (an episode or a patient), each group sorted by date.
///
/// A compressed layout: one array of row numbers ordered by owner, and one offset per owner,
/// so that millions of sessions cost two integer arrays instead of a dictionary of arrays.
struct GroupIndex: Sendable {
    /// Row numbers, grouped by owner, each group in date order (ties in input order).
    private let order: [Int32]
    /// `start[g] ..< start[g + 1]` is owner `g`'s range in `order`.
    private let start: [Int32]

    /// Groups rows by `ownerOf[row]` (-1 = no owner, left out) and sorts each group by `date(row)`.
    init(ownerOf: [Int32], ownerCount: Int, date: (Int) -> Int) {
        var start = [Int32](repeating: 0, count: ownerCount + 1)
        for owner in ownerOf where owner >= 0 { start[Int(owner) + 1] += 1 }
        for owner in 0..<ownerCount { start[owner + 1] += start[owner] }
        var next = start
        var order = [Int32](repeating: 0, count: Int(start[ownerCount]))
        for (row, owner) in ownerOf.enumerated() where owner >= 0 {
            order[Int(next[Int(owner)])] = Int32(row)
            next[Int(owner)] += 1
        }
        for owner in 0..<ownerCount {
            let range = Int(start[owner])..<Int(start[owner + 1])
            guard range.count > 1 else { continue }
            var sorted = true
            for position in range.dropFirst() where date(Int(order[position - 1])) > date(Int(order[position])) {
                sorted = false
                break
            }
            if !sorted {
                order[range].sort { (date(Int($0)), $0) < (date(Int($1)), $1) }
            }
        }
        self.order = order
        self.start = start
    }

    /// The row numbers of one owner, in date order.
    func rows(of owner: Int) -> ArraySlice<Int32> {
        order[Int(start[owner])..<Int(start[owner + 1])]
    }
}
