extension DetailTable {
    /// A table as published outside the program.
    public struct Published: Sendable {
        public var columns: [String]
        public var rows: [[String]]
        /// The table as disclosure control saw it, and its decision with the audit's bounds.
        public var output: DisclosureOutput
        public var decision: DisclosureControl.Decision
    }

    /// The table for people outside the program, as one output of disclosure control: counts
    /// of 1 to 10 read "<11", the counts withheld to protect them read "suppressed", with the
    /// table's relations (a list and its total, a part and its row's whole, the margins of the
    /// severity square, the at-risk chain of the retention table) known to the reader; figures
    /// derived from a withheld count (a domain's mean level, survival) are blanked.
    public func published(columns: [String], rows: [[String]]) -> Published {
        switch self {
        case .retention:
            let grouped = RetentionGroups(rows: rows)
            return grouped.published()
        default:
            var table = TextTableOutput(rows)
            relate(&table)
            let (protectedRows, withheld, decision) = table.protected()
            var published = protectedRows
            if self == .goalsByDomain {
                // A mean level with its count gives back bounds on the goals met: blank it.
                for row in rows.indices where withheld.contains(where: { $0.row == row }) { published[row][2] = "" }
            }
            return Published(columns: columns, rows: published, output: table.output, decision: decision)
        }
    }

    /// The relations of every table but retention.
    private func relate(_ table: inout TextTableOutput) {
        let rows = table.rows
        switch self {
        case .dischargeReasons:
            table.relate(list: rows.indices.map { table.cell($0, 1) }, named: "discharges")
        case .sessionMix:
            // Each grouping (type, modality) lists every scheduled and attended session once.
            for (column, name) in [(2, "scheduled"), (3, "attended")] {
                let total = table.unprinted("total \(name)", value: rows.indices.filter { rows[$0][0] == "type" }
                    .reduce(0) { $0 + table.value($1, column) })
                for group in ["type", "modality"] {
                    table.relate(total: total, parts: rows.indices.filter { rows[$0][0] == group }.map { table.cell($0, column) })
                }
            }
            for row in rows.indices { table.relate(whole: table.cell(row, 2), parts: [table.cell(row, 3)]) }
        case .severityShift:
            let side = Int(Double(rows.count).squareRoot())
            guard side * side == rows.count, side > 0 else { return }
            let baselines = (0..<side).map { from in
                table.relate(list: (0..<side).map { table.cell(from * side + $0, 2) }, named: "baseline \(rows[from * side][0])")
            }
            let finals = (0..<side).map { to in
                table.relate(list: (0..<side).map { table.cell($0 * side + to, 2) }, named: "final \(rows[to][1])")
            }
            let pairs = table.relate(list: baselines, named: "pairs")
            table.relate(total: pairs, parts: finals)
        case .goalsByDomain:
            table.relate(list: rows.indices.map { table.cell($0, 1) }, named: "rated goals")
            table.relate(list: rows.indices.map { table.cell($0, 3) }, named: "goals at or above expected")
            for row in rows.indices { table.relate(whole: table.cell(row, 1), parts: [table.cell(row, 3)]) }
        case .equity:
            let overall = rows.count - 1
            for dimension in Set(rows.dropLast().map { $0[0] }).sorted() {
                let members = rows.indices.filter { $0 < overall && rows[$0][0] == dimension }
                for column in 2..<rows[overall].count {
                    table.relate(total: table.cell(overall, column), parts: members.map { table.cell($0, column) })
                }
            }
            // attended of scheduled, completed of discharges, reliably improved of pairs, recovered of cases
            for row in rows.indices {
                for (part, whole) in [(2, 3), (4, 5), (6, 7), (8, 9)] {
                    table.relate(whole: table.cell(row, whole), parts: [table.cell(row, part)])
                }
            }
        case .retention:
            return
        }
    }
}
