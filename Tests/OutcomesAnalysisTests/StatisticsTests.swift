import Dispatch
import Synchronization
import Testing
@testable import OutcomesAnalysis

@Suite("Statistics")
struct StatisticsTests {
    // Published two-sided 95% critical values of Student's t (any statistics table).
    @Test("t quantiles match published tables", arguments: [
        (1.0, 12.706), (2.0, 4.303), (4.0, 2.776), (10.0, 2.228), (30.0, 2.042), (100.0, 1.984),
    ])
    func tQuantile(df: Double, expected: Double) throws {
        // When
        let t = try #require(StudentT.quantile(0.975, degreesOfFreedom: df))
        // Then: tables print three decimals
        #expect(abs(t - expected) < 0.0006)
        #expect(abs(StudentT.cdf(t, degreesOfFreedom: df) - 0.975) < 1e-10)
    }

    @Test("t quantile is symmetric and undefined without degrees of freedom")
    func tEdges() throws {
        // Given t(0.975, 1) = 12.7062 (Cauchy: tan(0.475 pi))
        let upper = try #require(StudentT.quantile(0.975, degreesOfFreedom: 1))
        #expect(abs(upper - 12.706204736) < 1e-6)
        #expect(StudentT.quantile(0.025, degreesOfFreedom: 1) == -upper)
        #expect(StudentT.quantile(0.975, degreesOfFreedom: 0) == nil)
    }

    @Test("t quantiles kept for reuse stay each probability's and df's, asked from many threads")
    func tQuantilesKept() {
        // Given 3 probabilities x 40 df, each asked 4 times on every core at once
        let probabilities = [0.9, 0.975, 0.995]
        let asks: [(p: Double, df: Double)] = (0..<480).map { index in
            (p: probabilities[index % 3], df: Double(1 + index / 3 % 40))
        }
        let answers = Mutex<[Int: Double]>([:])
        DispatchQueue.concurrentPerform(iterations: asks.count) { index in
            let t = StudentT.quantile(asks[index].p, degreesOfFreedom: asks[index].df)
            answers.withLock { $0[index] = t }
        }
        // Then each answer is its own probability's quantile: F(t; df) = p
        let found = answers.withLock { $0 }
        for (index, ask) in asks.enumerated() {
            guard let t = found[index] else { Issue.record("no quantile for \(ask)"); continue }
            #expect(abs(StudentT.cdf(t, degreesOfFreedom: ask.df) - ask.p) < 1e-10)
            let lower: Double? = StudentT.quantile(1 - ask.p, degreesOfFreedom: ask.df)
            #expect(lower == -t)
        }
    }

    @Test("quantiles interpolate between order statistics (type 7)")
    func quantiles() {
        // Given 1, 2, 3, 4: positions (n-1)p = 0.75, 1.5, 2.25
        let values = [4.0, 1, 3, 2]
        // Then Q1 = 1 + 0.75 = 1.75, median = 2.5, Q3 = 3 + 0.25 = 3.25
        #expect(Descriptive.quantile(values, 0.25) == 1.75)
        #expect(Descriptive.median(values) == 2.5)
        #expect(Descriptive.quantile(values, 0.75) == 3.25)
        #expect(Descriptive.median([]) == nil)
        #expect(Descriptive.standardDeviation([5]) == nil)
    }

    @Test("mean with Student-t interval")
    func meanEstimate() throws {
        // Given changes -11, -3, -5, -2: mean -5.25, SD sqrt(48.75 / 3) = 4.031129,
        // half-width t(0.975, 3) 3.182446 x 4.031129 / 2 = 6.414426
        let estimate = MeanEstimate([-11, -3, -5, -2])
        #expect(estimate.mean == -5.25)
        #expect(abs((estimate.standardDeviation ?? 0) - 4.031129) < 1e-6)
        #expect(abs((estimate.ciLow ?? 0) - (-5.25 - 6.414426)) < 1e-5)
        #expect(abs((estimate.ciHigh ?? 0) - (-5.25 + 6.414426)) < 1e-5)
        // A single value has no interval
        #expect(MeanEstimate([3]).ciLow == nil)
    }
}
