/// A small dense linear program, solved exactly enough for counts: minimise `c·y` subject to
/// `A y = b` and `y >= 0`, by the two-phase simplex method with Bland's rule (which never cycles).
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
        // The variables, then one artificial per row; phase 1 minimises the artificials' sum.
        var tableau = SimplexTableau(rows: rows, columns: columns + rows)
        for row in 0..<rows {
            let sign: Double = rightHandSides[row] < 0 ? -1 : 1
            for column in 0..<columns { tableau[row, column] = equations[row][column] * sign }
            tableau[row, columns + row] = 1
            tableau[row, tableau.rightHandSide] = rightHandSides[row] * sign
        }
        var basis = (0..<rows).map { columns + $0 }
        tableau.price(cost: [Double](repeating: 0, count: columns) + [Double](repeating: 1, count: rows), basis: basis)
        guard case .optimal(let infeasibility) = tableau.simplex(&basis, allowed: columns + rows),
              infeasibility <= 1e-7 else {
            feasible = nil
            return
        }
        // Drive artificials out of the basis (or leave a redundant row's artificial at zero).
        for row in 0..<rows where basis[row] >= columns {
            if let column = (0..<columns).first(where: { abs(tableau[row, $0]) > Self.tolerance }) {
                tableau.pivot(&basis, row: row, column: column)
            }
        }
        feasible = (tableau, basis)
    }

    /// The least value of `objective · y` over the feasible set (phase 2 from the shared basis).
    func minimum(of objective: [Double]) -> Outcome {
        guard var (tableau, basis) = feasible else { return .infeasible }
        guard tableau.rows > 0 else { return objective.contains { $0 < -Self.tolerance } ? .unbounded : .optimal(0) }
        tableau.price(cost: objective + [Double](repeating: 0, count: tableau.rows), basis: basis)
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

    /// Runs the simplex method from the canonical form of `basis`; only the first `allowed`
    /// columns may enter (Bland's rule: the first improving column, the lowest basic index among
    /// tied ratios).
    mutating func simplex(_ basis: inout [Int], allowed: Int) -> LinearProgram.Outcome {
        let tolerance = LinearProgram.tolerance
        var isBasic = [Bool](repeating: false, count: rightHandSide)
        for column in basis { isBasic[column] = true }
        while true {
            guard let column = (0..<allowed).first(where: { !isBasic[$0] && self[rows, $0] < -tolerance }) else {
                return .optimal(-self[rows, rightHandSide])
            }
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
            isBasic[basis[row]] = false
            isBasic[column] = true
            pivot(&basis, row: row, column: column)
        }
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
