import OutcomesTestSupport
import Testing
@testable import OutcomesAnalysis

/// Issue 8, property test: random cross tables of 2 to 4 dimensions with every margin printed
/// (counts 0 to 40), through disclosure control and then attacked: no "<11" count may be
/// narrowed, by the linear-programming audit or, where few cells are withheld, by trying every
/// whole-number value.
@Suite("Disclosure control of cross tables with all their margins")
struct CrossTableDisclosureTests {
    /// An n-way table and every margin of it as one output: `cells[mask]` holds the cells of the
    /// margin over the dimensions in `mask` (all bits set: the body; 0: the grand total).
    struct CrossTable {
        var output = DisclosureOutput()
        var cellsOfMargin: [Int: [Int]] = [:]
        let sizes: [Int]

        init(sizes: [Int], counts: [Int]) {
            self.sizes = sizes
            let full = (1 << sizes.count) - 1
            for mask in (0...full).reversed() {
                let kept = sizes.indices.filter { mask & (1 << $0) != 0 }
                let keys = Self.keys(kept.map { sizes[$0] })
                cellsOfMargin[mask] = keys.map { key in
                    let value = counts.indices.filter { Self.project(Self.key(of: $0, sizes), kept) == key }
                        .reduce(0) { $0 + counts[$1] }
                    return output.cell("m\(mask) \(key)", value: value)
                }
                for dimension in sizes.indices where mask & (1 << dimension) == 0 {
                    let finer = mask | (1 << dimension)
                    let finerKept = sizes.indices.filter { finer & (1 << $0) != 0 }
                    let finerKeys = Self.keys(finerKept.map { sizes[$0] })
                    for (index, key) in keys.enumerated() {
                        let parts = finerKeys.indices.filter { Self.project(finerKeys[$0], finerKept, onto: kept) == key }
                            .map { cellsOfMargin[finer]![$0] }
                        output.relate(total: cellsOfMargin[mask]![index], parts: parts)
                    }
                }
            }
        }

        static func keys(_ sizes: [Int]) -> [[Int]] {
            sizes.reduce([[]]) { keys, size in keys.flatMap { key in (0..<size).map { key + [$0] } } }
        }

        static func key(of index: Int, _ sizes: [Int]) -> [Int] {
            var rest = index
            return sizes.reversed().map { size in defer { rest /= size }; return rest % size }.reversed()
        }

        static func project(_ key: [Int], _ kept: [Int]) -> [Int] { kept.map { key[$0] } }

        static func project(_ key: [Int], _ kept: [Int], onto narrower: [Int]) -> [Int] {
            narrower.map { key[kept.firstIndex(of: $0)!] }
        }
    }

    @Test("seeded random tables of 2 to 4 dimensions withstand attack", arguments: 0..<6)
    func randomCrossTables(seed: Int) {
        var generator = SplitMix64(seed: UInt64(seed) &+ 8_888)
        let dimensions = 2 + seed % 3
        let sizes = dimensions == 2 ? [3, 3] : [Int](repeating: 2, count: dimensions)
        let cellCount = sizes.reduce(1, *)
        // About one cell in four is 1 to 10; some are 0.
        let counts = (0..<cellCount).map { _ -> Int in
            switch generator.next() % 8 {
            case 0: return 0
            case 1, 2: return 1 + Int(generator.next() % 10)
            default: return 11 + Int(generator.next() % 30)
            }
        }
        let table = CrossTable(sizes: sizes, counts: counts)
        let decision = DisclosureControl.protect(table.output)
        let marks = decision.marks
        if decision.isProtected {
            for cell in marks.indices where marks[cell] == .primary {
                #expect(decision.bounds[cell] == DisclosureAudit.Bounds(low: 1, high: 10), "\(counts) cell \(cell)")
            }
        } else {
            // Only small counts were left around an exposed cell: nothing of 11 or more to withhold.
            #expect(decision.exposed.allSatisfy { table.output.cells[$0].value <= 10 })
        }
        let unknown = marks.indices.filter { marks[$0] != .shown }
        if decision.isProtected, dimensions == 2, unknown.count <= 5 {
            let grand = table.output.cells[table.cellsOfMargin[0]![0]].value
            let attacked = BruteForceAttack.bounds(table.output, marks: marks, cap: grand)
            for cell in marks.indices where marks[cell] == .primary {
                #expect(attacked[cell] == 1...10, "\(counts): cell \(cell) narrowed to \(String(describing: attacked[cell]))")
            }
        }
    }

    @Test("bounds over the nearest unknown cells are never wider than the whole audit's", arguments: 0..<3)
    func nearBoundsNarrowTheReadersRangeNeverWiden(seed: Int) throws {
        // A 6 x 6 x 3 table with every margin (108 body cells, 175 in all) and about half its
        // counts withheld: more unknown cells than `nearCellLimit`, so `nearBounds` holds the
        // farther ones at their values; its range must lie inside the exact one.
        var generator = SplitMix64(seed: UInt64(seed) &+ 4_242)
        let sizes = [6, 6, 3]
        let counts = (0..<sizes.reduce(1, *)).map { _ in Int(generator.next() % 25) }
        let table = CrossTable(sizes: sizes, counts: counts)
        let marks = table.output.cells.indices.map { cell -> DisclosureMark in
            let value = table.output.cells[cell].value
            guard generator.next() % 2 == 0 else { return .shown }
            return DisclosureControl.smallCounts.contains(value) ? .primary : value > 10 ? .complementary : .shown
        }
        let exact = DisclosureAudit.bounds(table.output, marks: marks)
        let unknown = marks.indices.filter { marks[$0] != .shown }
        #expect(unknown.count > DisclosureAudit.nearCellLimit)
        for cell in unknown where marks[cell].isWithheld {
            let near = DisclosureAudit.nearBounds(of: cell, table.output, marks: marks)
            let whole = try #require(exact[cell])
            #expect(near.low >= whole.low && (whole.high.map { high in near.high.map { $0 <= high } ?? false } ?? true),
                    "cell \(cell): near \(near), exact \(whole)")
        }
    }

    @Test func oneSmallCellOfASquareTableCostsThreeMore() {
        // 3 x 3 with every margin: the 4 at the corner needs a rectangle of withheld cells (its
        // row, its column and the cell closing them), so 3 complementary cells, the least any
        // choice can do; the margins all stay.
        let table = CrossTable(sizes: [3, 3], counts: [4, 20, 30, 25, 35, 40, 45, 50, 55])
        let decision = DisclosureControl.protect(table.output)
        #expect(decision.isProtected)
        #expect(decision.marks.filter { $0 == .complementary }.count == 3)
        #expect(table.cellsOfMargin[0]!.allSatisfy { decision.marks[$0] == .shown })
    }

    @Test func twoSmallCellsInOneRowShareTheirComplements() {
        // 3 x 3, row one 4, 6, 30 (40): with only 4 and 6 withheld their sum is 10, so each is
        // at most 9; the 30 must go too. Each of the three columns then needs a second withheld
        // cell, and one row can hold all three (25, 35, 40): four complementary cells, the least
        // possible (one in row one, one more in each column).
        let table = CrossTable(sizes: [3, 3], counts: [4, 6, 30, 25, 35, 40, 45, 50, 55])
        let decision = DisclosureControl.protect(table.output)
        #expect(decision.isProtected)
        #expect(decision.marks.filter { $0 == .complementary }.count == 4)
    }
}
