/// One output (an `analyze` run, a chart, a whole external report) as disclosure control sees
/// it: the counts it publishes and the linear relations between them, across every table and
/// chart of the output (a total and its parts in every dimension shown; pairs + no pair =
/// discharges; a rate's numerator and denominator; a trend's months and their period).
public struct DisclosureOutput: Sendable {
    /// One count of the output.
    public struct Cell: Hashable, Sendable {
        /// What the cell is, for audits and messages (`outcomes.PHQ-9.no_pair | program=sud`).
        public var name: String
        public var value: Int
        /// False for a count the relations need but the output does not print (a total no
        /// table shows): the reader does not know it, and it needs no protection.
        public var isDisplayed: Bool

        /// A count; `isDisplayed` false for one the output does not print.
        public init(name: String, value: Int, isDisplayed: Bool = true) {
            self.name = name
            self.value = value
            self.isDisplayed = isDisplayed
        }
    }

    /// `sum of coefficient x cell = 0` over some cells of the output.
    public struct Relation: Hashable, Sendable {
        public var cells: [Int]
        public var coefficients: [Int]

        /// `total = sum of parts`, by cell index.
        public static func total(_ total: Int, parts: [Int]) -> Relation {
            Relation(cells: [total] + parts, coefficients: [-1] + parts.map { _ in 1 })
        }
    }

    public private(set) var cells: [Cell] = []
    public private(set) var relations: [Relation] = []
    /// For each cell, the indices of the relations it appears in.
    public private(set) var relationsOfCell: [[Int]] = []
    private var indexOfName: [String: Int] = [:]

    /// An empty output.
    public init() {}

    /// Adds a count (or returns the index of the one already named so: a figure printed in two
    /// tables of one report is one cell) and returns its index.
    @discardableResult
    public mutating func cell(_ name: String, value: Int, isDisplayed: Bool = true) -> Int {
        if let index = indexOfName[name] {
            assert(cells[index].value == value, "two values for the cell \(name)")
            if isDisplayed { cells[index].isDisplayed = true }
            return index
        }
        cells.append(Cell(name: name, value: value, isDisplayed: isDisplayed))
        relationsOfCell.append([])
        indexOfName[name] = cells.count - 1
        return cells.count - 1
    }

    /// The index of the cell named `name`, if the output has one.
    public func index(of name: String) -> Int? { indexOfName[name] }

    /// Records that the cell `total` is the sum of the cells `parts`.
    public mutating func relate(total: Int, parts: [Int]) {
        relate(.total(total, parts: parts))
    }

    /// Records any linear relation between cells.
    public mutating func relate(_ relation: Relation) {
        assert(zip(relation.cells, relation.coefficients).reduce(0) { $0 + $1.1 * cells[$1.0].value } == 0,
               "a relation the published values do not satisfy")
        for cell in Set(relation.cells) { relationsOfCell[cell].append(relations.count) }
        relations.append(relation)
    }

    /// The output split where no relation joins its cells: each part with the indices its
    /// cells have in this output, in order. A cell in no relation is a part of its own.
    func connectedParts() -> [(output: DisclosureOutput, cells: [Int])] {
        var parent = Array(cells.indices)
        func root(_ cell: Int) -> Int {
            var cell = cell
            while parent[cell] != cell {
                parent[cell] = parent[parent[cell]]
                cell = parent[cell]
            }
            return cell
        }
        for relation in relations {
            for cell in relation.cells.dropFirst() { parent[root(cell)] = root(relation.cells[0]) }
        }
        let members = Dictionary(grouping: cells.indices, by: root)
        let relationsOfPart = Dictionary(grouping: relations.indices) { root(relations[$0].cells[0]) }
        return members.keys.sorted().map { key in
            let part = members[key]!
            let local = Dictionary(uniqueKeysWithValues: part.enumerated().map { ($1, $0) })
            var output = DisclosureOutput()
            for cell in part { output.cell(cells[cell].name, value: cells[cell].value, isDisplayed: cells[cell].isDisplayed) }
            for number in relationsOfPart[key] ?? [] {
                let relation = relations[number]
                output.relate(Relation(cells: relation.cells.map { local[$0]! }, coefficients: relation.coefficients))
            }
            return (output, part)
        }
    }
}
