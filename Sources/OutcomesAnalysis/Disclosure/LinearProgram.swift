/// A small dense linear program, solved exactly enough for counts: minimise `c·y` subject to
/// `A y = b` and `y >= 0`, by the two-phase simplex method.
///
/// Phase 1 starts from a basis of the columns that appear in one row only (a remainder cell, an
/// upper bound's slack), with an artificial variable for each other row, and is shared by every
/// objective; phase 2 runs without the artificial columns. The entering column is the one of
/// most negative reduced cost, switching to Bland's rule (which never cycles) after a run of
/// pivots that do not move.
///
/// Written by hand: no linear-programming package is among those this machine's Swift can
/// resolve, and the disclosure audit needs a few hundred variables at most.
struct LinearProgram {
    /// The outcome of a minimisation.
    enum Outcome: Equatable {
        case optimal(Double)
        /// The objective decreases without bound.
        case unbounded
        /// No `y >= 0` satisfies `A y = b`.
        case infeasible
    }

    static let tolerance = 1e-9

    /// The number of variables.
    let variableCount: Int
    /// A feasible basis found by phase 1 of the simplex method (shared by every objective), or
    /// nil when no `y >= 0` satisfies the equations.
    private let feasible: (tableau: SimplexTableau, basis: [Int])?

    /// The program `A y = b`, `y >= 0` with `A` = `equations` (one row each, equally long) and
    /// `b` = `rightHandSides`.
    init(equations: [[Double]], rightHandSides: [Double]) {
        let rows = equations.count
        let columns = equations.first?.count ?? 0
        variableCount = columns
        let signs: [Double] = rightHandSides.map { $0 < 0 ? -1 : 1 }
        var basis = Self.crashBasis(equations, signs: signs, columns: columns)
        let artificialRows = (0..<rows).filter { basis[$0] < 0 }
        // The variables, then one artificial per row without a basic column; phase 1 minimises
        // the artificials' sum.
        var tableau = SimplexTableau(rows: rows, columns: columns + artificialRows.count)
        for row in 0..<rows {
            // The row with a non-negative right-hand side, its basic column's coefficient 1
            let divisor = basis[row] >= 0 ? signs[row] * equations[row][basis[row]] : 1
            for column in 0..<columns where equations[row][column] != 0 {
                tableau[row, column] = equations[row][column] * signs[row] / divisor
            }
            tableau[row, tableau.rightHandSide] = abs(rightHandSides[row]) / divisor
        }
        for (artificial, row) in artificialRows.enumerated() {
            tableau[row, columns + artificial] = 1
            basis[row] = columns + artificial
        }
        tableau.price(cost: [Double](repeating: 0, count: columns) + [Double](repeating: 1, count: artificialRows.count),
                      basis: basis)
        guard case .optimal(let infeasibility) = tableau.simplex(&basis, allowed: columns + artificialRows.count),
              infeasibility <= 1e-7 else {
            feasible = nil
            return
        }
        // Drive artificials out of the basis; a row left with one is redundant and dropped.
        for row in 0..<rows where basis[row] >= columns {
            if let column = (0..<columns).first(where: { abs(tableau[row, $0]) > Self.tolerance }) {
                tableau.pivot(&basis, row: row, column: column)
            }
        }
        let kept = (0..<rows).filter { basis[$0] < columns }
        feasible = (tableau.keeping(rows: kept, columns: columns), kept.map { basis[$0] })
    }

    /// For each row, a column with a positive coefficient (once the row's right-hand side is
    /// made non-negative) that no other row has, or -1: those columns start basic.
    private static func crashBasis(_ equations: [[Double]], signs: [Double], columns: Int) -> [Int] {
        var rowsOfColumn = [Int](repeating: 0, count: columns)
        for row in equations { for column in 0..<columns where row[column] != 0 { rowsOfColumn[column] += 1 } }
        var basis = [Int](repeating: -1, count: equations.count)
        for (row, equation) in equations.enumerated() {
            for column in 0..<columns where rowsOfColumn[column] == 1 && equation[column] * signs[row] > 0 {
                basis[row] = column
                break
            }
        }
        return basis
    }

    /// The least value of `objective · y` over the feasible set (phase 2 from the shared basis).
    func minimum(of objective: [Double]) -> Outcome {
        guard var (tableau, basis) = feasible else { return .infeasible }
        guard tableau.rows > 0 else { return objective.contains { $0 < -Self.tolerance } ? .unbounded : .optimal(0) }
        tableau.price(cost: objective, basis: basis)
        return tableau.simplex(&basis, allowed: variableCount)
    }
}

/// A simplex tableau in one flat array: a row per equation, then the reduced-cost row; the
/// last column holds the right-hand sides (and, in the cost row, minus the objective's value).
private struct SimplexTableau {
    private var values: [Double]
    let rows: Int
    let rightHandSide: Int
    private let stride: Int

    init(rows: Int, columns: Int) {
        self.rows = rows
        rightHandSide = columns
        stride = columns + 1
        values = [Double](repeating: 0, count: (rows + 1) * stride)
    }

    subscript(row: Int, column: Int) -> Double {
        get { values[row * stride + column] }
        set { values[row * stride + column] = newValue }
    }

    /// Sets the cost row to the reduced costs of `cost` for `basis`.
    mutating func price(cost: [Double], basis: [Int]) {
        // Only rows whose basic variable costs something change the costs (an audit's
        // objective is one variable: at most one row).
        let costedRows = (0..<rows).filter { cost[basis[$0]] != 0 }
        for column in 0...rightHandSide {
            var reduced = column < rightHandSide ? cost[column] : 0
            for row in costedRows { reduced -= cost[basis[row]] * self[row, column] }
            self[rows, column] = reduced
        }
    }

    /// Pivots that leave the objective where it was before switching to Bland's rule.
    static let stallLimit = 50

    /// Runs the simplex method from the canonical form of `basis`; only the first `allowed`
    /// columns may enter. The entering column has the most negative reduced cost until
    /// `stallLimit` pivots in a row leave the objective unchanged; then Bland's rule (the first
    /// improving column, the lowest basic index among tied ratios) ends any cycle.
    mutating func simplex(_ basis: inout [Int], allowed: Int) -> LinearProgram.Outcome {
        let tolerance = LinearProgram.tolerance
        var isBasic = [Bool](repeating: false, count: rightHandSide)
        for column in basis { isBasic[column] = true }
        var stalled = 0
        while true {
            let entering: Int?
            if stalled < Self.stallLimit {
                var best = -tolerance
                var bestColumn: Int?
                for column in 0..<allowed where !isBasic[column] && self[rows, column] < best {
                    best = self[rows, column]
                    bestColumn = column
                }
                entering = bestColumn
            } else {
                entering = (0..<allowed).first { !isBasic[$0] && self[rows, $0] < -tolerance }
            }
            guard let column = entering else { return .optimal(-self[rows, rightHandSide]) }
            var leaving: Int?
            var bestRatio = Double.infinity
            for row in 0..<rows where self[row, column] > tolerance {
                let ratio = self[row, rightHandSide] / self[row, column]
                if ratio < bestRatio - tolerance
                    || (abs(ratio - bestRatio) <= tolerance && basis[row] < basis[leaving ?? row]) {
                    bestRatio = ratio
                    leaving = row
                }
            }
            guard let row = leaving else { return .unbounded }
            stalled = bestRatio <= tolerance ? stalled + 1 : 0
            isBasic[basis[row]] = false
            isBasic[column] = true
            pivot(&basis, row: row, column: column)
        }
    }

    /// The tableau of the rows `kept` and the first `columns` columns (the right-hand sides and
    /// the cost row kept too).
    func keeping(rows kept: [Int], columns: Int) -> SimplexTableau {
        var result = SimplexTableau(rows: kept.count, columns: columns)
        for (newRow, row) in (kept + [rows]).enumerated() {
            for column in 0..<columns { result[newRow, column] = self[row, column] }
            result[newRow, columns] = self[row, rightHandSide]
        }
        return result
    }

    /// Makes `column` basic in `row`, eliminating it from every other row and the cost row.
    mutating func pivot(_ basis: inout [Int], row: Int, column: Int) {
        let stride = self.stride
        let rows = self.rows
        values.withUnsafeMutableBufferPointer { values in
            let pivotStart = row * stride
            let divisor = values[pivotStart + column]
            for index in 0..<stride { values[pivotStart + index] /= divisor }
            for other in 0...rows where other != row {
                let start = other * stride
                let factor = values[start + column]
                guard factor != 0 else { continue }
                for index in 0..<stride { values[start + index] -= factor * values[pivotStart + index] }
            }
        }
        basis[row] = column
    }
}
