extension SmallCellSuppression {
    /// Which of `counts`, and then their published `total` (the last flag), to hide: counts of
    /// 1 to 10, and complementary cells so that none can be recovered by subtraction from the
    /// total. The counts need not add up to the total (a remainder cell, never published,
    /// makes up the difference).
    public static func hiddenFlags(counts: [Int], total: Int) -> [Bool] {
        let remainder = max(0, total - counts.reduce(0, +))
        let list = suppress(counts + [remainder], showingTotal: true)
        return list.cells.dropLast().map(\.isSuppressed) + [list.total?.isSuppressed ?? false]
    }
}
