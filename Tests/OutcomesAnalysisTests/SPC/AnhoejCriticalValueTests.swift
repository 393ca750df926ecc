import Foundation
import Testing
@testable import OutcomesAnalysis

@Suite("Anhøj critical values, n = 10 to 100")
struct AnhoejCriticalValueTests {
    /// qbinom(0.05, n - 1, 0.5) by a second route: the binomial probabilities in Double, built
    /// term by term (C(m, k + 1) = C(m, k) (m - k) / (k + 1)) and summed until they reach 0.05.
    /// For m <= 99 the relative rounding error is below 1e-13, and no cumulative sum for these
    /// n lies that close to 0.05 (the nearest is 8.7e-5 away), so the two routes must agree exactly.
    private func crossingsByDouble(_ n: Int) -> Int {
        let m = n - 1
        var term = pow(0.5, Double(m))
        var cumulative = 0.0
        for k in 0...m {
            cumulative += term
            if cumulative >= 0.05 { return k }
            term *= Double(m - k) / Double(k + 1)
        }
        return m
    }

    @Test("longest run round(log2 n + 3) and crossings qbinom(0.05, n - 1, 0.5)", arguments: 10...100)
    func criticalValues(n: Int) {
        // e.g. n = 10: log2 10 + 3 = 6.32 -> 6; Binomial(9): (1 + 9 + 36)/512 = 0.090 >= 0.05 at k = 2
        #expect(AnhoejRules.longestRunLimit(usefulCount: n) == Int((log2(Double(n)) + 3).rounded()))
        #expect(AnhoejRules.minimumCrossings(usefulCount: n) == crossingsByDouble(n))
    }

    @Test("spot values by hand")
    func spotValues() {
        // n = 11: log2 11 + 3 = 6.46 -> 6; Binomial(10): 1, 10, 45 of 1024 -> 11/1024 = 0.011, 56/1024 = 0.055 -> 2
        #expect(AnhoejRules.longestRunLimit(usefulCount: 11) == 6)
        #expect(AnhoejRules.minimumCrossings(usefulCount: 11) == 2)
        // n = 13: log2 13 + 3 = 6.70 -> 7; Binomial(12): 1 + 12 + 66 = 79/4096 = 0.019, + 220 = 299/4096 = 0.073 -> 3
        #expect(AnhoejRules.longestRunLimit(usefulCount: 13) == 7)
        #expect(AnhoejRules.minimumCrossings(usefulCount: 13) == 3)
    }
}
