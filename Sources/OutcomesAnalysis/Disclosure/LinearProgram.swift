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

    var equations: [[Double]]
    var rightHandSides: [Double]

    static let tolerance = 1e-9

    /// The least value of `objective · y` over the feasible set.
    func minimum(of objective: [Double]) -> Outcome {
        let rows = equations.count
        let columns = objective.count
        guard rows > 0 else { return objective.contains { $0 < -Self.tolerance } ? .unbounded : .optimal(0) }
        // Tableau: the variables, then one artificial per row, then the right-hand side.
        var tableau = (0..<rows).map { row -> [Double] in
            let sign: Double = rightHandSides[row] < 0 ? -1 : 1
            var line = equations[row].map { $0 * sign }
            line += (0..<rows).map { $0 == row ? 1 : 0 }
            line.append(rightHandSides[row] * sign)
            return line
        }
        var basis = (0..<rows).map { columns + $0 }
        // Phase 1: minimise the sum of the artificials.
        let phaseOne = (0..<columns).map { _ in 0.0 } + (0..<rows).map { _ in 1.0 }
        guard case .optimal(let infeasibility) = Self.simplex(&tableau, &basis, cost: phaseOne, allowed: columns + rows),
              infeasibility <= 1e-7 else { return .infeasible }
        // Drive artificials out of the basis (or leave a redundant row's artificial at zero).
        for row in 0..<rows where basis[row] >= columns {
            if let column = (0..<columns).first(where: { abs(tableau[row][$0]) > Self.tolerance }) {
                Self.pivot(&tableau, &basis, row: row, column: column)
            }
        }
        let phaseTwo = objective + (0..<rows).map { _ in 0.0 }
        return Self.simplex(&tableau, &basis, cost: phaseTwo, allowed: columns)
    }

    /// Runs the simplex method on a tableau in canonical form for `basis`; only the first
    /// `allowed` columns may enter.
    private static func simplex(_ tableau: inout [[Double]], _ basis: inout [Int], cost: [Double], allowed: Int)
        -> Outcome {
        let width = tableau[0].count - 1
        while true {
            // Reduced costs: cost_j - sum over rows of cost(basis) * tableau[row][j].
            var entering: Int?
            for column in 0..<allowed where !basis.contains(column) {
                var reduced = cost[column]
                for row in tableau.indices { reduced -= cost[basis[row]] * tableau[row][column] }
                if reduced < -tolerance { entering = column; break }  // Bland: the first improving column
            }
            guard let column = entering else {
                return .optimal(tableau.indices.reduce(0) { $0 + cost[basis[$1]] * tableau[$1][width] })
            }
            var leaving: Int?
            var bestRatio = Double.infinity
            for row in tableau.indices where tableau[row][column] > tolerance {
                let ratio = tableau[row][width] / tableau[row][column]
                if ratio < bestRatio - tolerance
                    || (abs(ratio - bestRatio) <= tolerance && basis[row] < basis[leaving ?? row]) {
                    bestRatio = ratio
                    leaving = row
                }
            }
            guard let row = leaving else { return .unbounded }
            pivot(&tableau, &basis, row: row, column: column)
        }
    }

    private static func pivot(_ tableau: inout [[Double]], _ basis: inout [Int], row: Int, column: Int) {
        let divisor = tableau[row][column]
        tableau[row] = tableau[row].map { $0 / divisor }
        for other in tableau.indices where other != row {
            let factor = tableau[other][column]
            guard factor != 0 else { continue }
            for index in tableau[other].indices { tableau[other][index] -= factor * tableau[row][index] }
        }
        basis[row] = column
    }
}
