/// A category and how many units fell in it (discharge reasons, session types, goal levels).
public struct Tally<Category: Hashable & Sendable>: Hashable, Sendable {
    public var category: Category
    public var count: Int

    public init(_ category: Category, _ count: Int) {
        self.category = category
        self.count = count
    }
}
