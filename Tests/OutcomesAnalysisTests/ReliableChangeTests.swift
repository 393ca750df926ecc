import OutcomesCore
import Testing
@testable import OutcomesAnalysis

@Suite("Reliable change")
struct ReliableChangeTests {
    // PHQ-9 published threshold: 6 points, inclusive. Baseline 20:
    //   final 14 (drop 6) -> improvement, 15 (drop 5) -> none, 13 (drop 7) -> improvement;
    //   final 26 (rise 6) -> deterioration, 25 (rise 5) -> none, 27 (rise 7) -> deterioration.
    @Test("published threshold is inclusive", arguments: [
        (20, 14, ReliableChangeCategory.improvement), (20, 15, .noReliableChange), (20, 13, .improvement),
        (20, 26, .deterioration), (20, 25, .noReliableChange), (20, 27, .deterioration),
    ])
    func publishedThreshold(baseline: Int, final: Int, expected: ReliableChangeCategory) throws {
        let phq9 = BuiltInInstruments.phq9
        let threshold = try #require(ReliableChange.published(phq9))
        #expect(threshold.classify(phq9, baseline: Score(baseline), final: Score(final)) == expected)
    }

    @Test("Jacobson-Truax threshold from the cohort's baselines, strict")
    func jacobsonTruax() throws {
        // Given baselines 10 and 20: SD = 7.071068; r = 0.89
        // 1.96 x 7.071068 x sqrt(2 x 0.11) = 6.500585
        let threshold = try #require(ReliableChange.jacobsonTruax(BuiltInInstruments.phq9, baselines: [10, 20]))
        #expect(abs(threshold.points - 6.500585) < 1e-6)
        #expect(!threshold.inclusive)
        // A strict threshold of exactly 6: a 6-point change is not reliable, 7 is
        let strict = ReliableChange(points: 6, inclusive: false, method: .jacobsonTruax)
        #expect(strict.classify(BuiltInInstruments.phq9, baseline: 20, final: 14) == .noReliableChange)
        #expect(strict.classify(BuiltInInstruments.phq9, baseline: 20, final: 13) == .improvement)
        // One baseline: no SD, no threshold
        #expect(ReliableChange.jacobsonTruax(BuiltInInstruments.phq9, baselines: [10]) == nil)
    }

    @Test("higher-is-better scales improve upwards, on the reporting scale")
    func wellbeing() throws {
        // Given WHO-5 raw 10 -> 13: reported 40 -> 52, +12 on 0-100, threshold 10
        let who5 = BuiltInInstruments.who5
        let threshold = try #require(ReliableChange.published(who5))
        #expect(threshold.classify(who5, baseline: who5.reported(10), final: who5.reported(13)) == .improvement)
        // raw 13 -> 11: 52 -> 44, 8 points down: not reliable
        #expect(threshold.classify(who5, baseline: who5.reported(13), final: who5.reported(11)) == .noReliableChange)
    }
}
