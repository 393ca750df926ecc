/// Counts in a grid of row × column categories, e.g. baseline band × final band.
public struct HeatTableData: Equatable, Hashable, Sendable {
    public var rowLabels: [String]
    public var columnLabels: [String]
    /// `counts[row][column]`.
    public var counts: [[ChartValue]]
    /// Outline the diagonal (no change in band) when rows and columns are the same bands.
    public var outlinesDiagonal: Bool

    public init(rowLabels: [String], columnLabels: [String], counts: [[ChartValue]], outlinesDiagonal: Bool = true) {
        self.rowLabels = rowLabels
        self.columnLabels = columnLabels
        self.counts = counts
        self.outlinesDiagonal = outlinesDiagonal
    }

    /// The count at a cell, `.missing` outside the grid.
    public func count(row: Int, column: Int) -> ChartValue {
        guard counts.indices.contains(row), counts[row].indices.contains(column) else { return .missing }
        return counts[row][column]
    }
}
