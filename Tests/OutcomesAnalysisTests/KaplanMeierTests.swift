import Testing
@testable import OutcomesAnalysis

@Suite("Kaplan-Meier")
struct KaplanMeierTests {
    // Given six subjects: dropout at 5, censored at 8, two dropouts at 10, censored at 12, dropout at 20.
    // By hand:
    //   t=5:  at risk 6, 1 event:  S = 5/6 = 0.833333; Greenwood sum 1/(6*5) = 0.033333
    //   t=10: at risk 4, 2 events: S = 5/6 * 2/4 = 0.416667; sum += 2/(4*2) -> 0.283333
    //   t=20: at risk 1, 1 event:  S = 0
    //   log(-log) CI: se = sqrt(sum) / |ln S|, bounds S^exp(+1.96 se) and S^exp(-1.96 se)
    //   t=5:  se = 0.182574 / 0.182322 = 1.001385 -> (0.273110, 0.974713)
    //   t=10: se = 0.532291 / 0.875469 = 0.608013 -> (0.055988, 0.766527)
    //   median: first S <= 0.5 -> 10; lower band reaches 0.5 at 5 (0.273); the upper band never does
    //   (0.975, 0.767, then undefined at S = 0), so the CI is 5 to not reached, as R's survfit reports
    let observations = [
        SurvivalObservation(time: 5, event: true), SurvivalObservation(time: 8, event: false),
        SurvivalObservation(time: 10, event: true), SurvivalObservation(time: 10, event: true),
        SurvivalObservation(time: 12, event: false), SurvivalObservation(time: 20, event: true),
    ]

    @Test func survivalAndGreenwoodInterval() throws {
        // When
        let curve = KaplanMeierCurve(observations)
        // Then
        #expect(curve.points.map(\.time) == [5, 10, 20])
        #expect(curve.points.map(\.atRisk) == [6, 4, 1])
        #expect(abs(curve.points[0].survival - 5.0 / 6) < 1e-12)
        #expect(abs(curve.points[1].survival - 5.0 / 12) < 1e-12)
        #expect(curve.points[2].survival == 0)
        #expect(abs((curve.points[0].ciLow ?? 0) - 0.273110) < 1e-6)
        #expect(abs((curve.points[0].ciHigh ?? 0) - 0.974713) < 1e-6)
        #expect(abs((curve.points[1].ciLow ?? 0) - 0.055988) < 1e-6)
        #expect(abs((curve.points[1].ciHigh ?? 0) - 0.766527) < 1e-6)
        #expect(curve.points[2].ciLow == nil)
        #expect(curve.censorTimes == [8, 12])
    }

    @Test func medianAndItsInterval() {
        let curve = KaplanMeierCurve(observations)
        #expect(curve.median == 10)
        #expect(curve.medianCILow == 5)
        #expect(curve.medianCIHigh == nil)
        // Risk table every 14 days: at risk at 0 = 6, at 14 = 1 (only t = 20 remains)
        #expect(curve.riskTable.map(\.atRisk) == [6, 1])
    }

    @Test func medianNotReachedIsNil() {
        // Given one dropout among four: S = 3/4 never reaches 0.5
        let curve = KaplanMeierCurve([
            SurvivalObservation(time: 3, event: true), SurvivalObservation(time: 9, event: false),
            SurvivalObservation(time: 9, event: false), SurvivalObservation(time: 9, event: false),
        ])
        #expect(curve.median == nil)
        #expect(curve.points.count == 1)
    }

    @Test func survivalExactlyHalfTakesTheMidpoint() {
        // Given 2 subjects: dropout at 4 (S = 0.5), dropout at 8 (S = 0): median = (4 + 8) / 2 = 6
        let curve = KaplanMeierCurve([SurvivalObservation(time: 4, event: true), SurvivalObservation(time: 8, event: true)])
        #expect(curve.median == 6)
    }

    @Test("median interval from where both bands cross 0.5")
    func bandsCross() {
        // Given ten dropouts at days 1...10: S(t) = 1 - t/10, Greenwood sum at t = sum 1/(r(r-1)), r = 10...11-t
        //   t=1: S 0.9, band (0.472997, 0.985282): the lower band is already <= 0.5 -> LCL 1
        //   t=5: S 0.5 exactly -> median (5 + 6) / 2 = 5.5
        //   t=7: upper 0.577872; t=8: upper 0.474720 <= 0.5 -> UCL 8
        let curve = KaplanMeierCurve((1...10).map { SurvivalObservation(time: $0, event: true) })
        #expect(curve.median == 5.5)
        #expect(curve.medianCILow == 1)
        #expect(curve.medianCIHigh == 8)
        #expect(abs((curve.points[7].ciHigh ?? 0) - 0.474720) < 1e-6)
        #expect(abs((curve.points[0].ciLow ?? 0) - 0.472997) < 1e-6)
    }
}
