import Testing
import OutcomesCore

/// Scoring of every built-in instrument, with totals computed by hand.
@Suite("Built-in instrument scoring")
struct InstrumentScoringTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let instrument: Instrument
        let items: [Score?]
        let expected: ItemScore
        let band: String?
        let isCase: Bool
        var testDescription: String { "\(instrument.code) \(items.map { $0.map(\.description) ?? "_" }.joined(separator: ","))" }
    }

    static let cases: [Case] = [
        // PHQ-9: 3+2+1+0+3+2+1+0+2 = 14 -> moderate (10-14), case (>= 10)
        Case(instrument: BuiltInInstruments.phq9, items: [3, 2, 1, 0, 3, 2, 1, 0, 2],
             expected: .scored(total: 14, method: .complete), band: "moderate", isCase: true),
        // PHQ-9, 2 missing: 1+2+3+0+2+1+1 = 10 over 7 answered; 10 x 9 / 7 = 12.86 -> 13
        Case(instrument: BuiltInInstruments.phq9, items: [1, 2, nil, 3, 0, nil, 2, 1, 1],
             expected: .scored(total: 13, method: .prorated), band: "moderate", isCase: true),
        // PHQ-9, 3 missing: more than the 2 allowed
        Case(instrument: BuiltInInstruments.phq9, items: [1, nil, nil, 3, 0, nil, 2, 1, 1],
             expected: .tooManyMissing(missing: 3, allowed: 2), band: nil, isCase: false),
        // PHQ-9: 1 x 4 = 4 -> minimal (0-4)
        Case(instrument: BuiltInInstruments.phq9, items: [1, 1, 1, 1, 0, 0, 0, 0, 0],
             expected: .scored(total: 4, method: .complete), band: "minimal", isCase: false),
        // GAD-7: 3+3+2+2+1+1+0 = 12 -> moderate (10-14), case (>= 8)
        Case(instrument: BuiltInInstruments.gad7, items: [3, 3, 2, 2, 1, 1, 0],
             expected: .scored(total: 12, method: .complete), band: "moderate", isCase: true),
        // GAD-7, 1 missing: 1+1+1 = 3 over 6; 3 x 7 / 6 = 3.5 -> 4 (half up)
        Case(instrument: BuiltInInstruments.gad7, items: [1, 1, 1, 0, 0, 0, nil],
             expected: .scored(total: 4, method: .prorated), band: "minimal", isCase: false),
        // GAD-7, 2 missing: more than the 1 allowed
        Case(instrument: BuiltInInstruments.gad7, items: [1, 1, 1, 0, 0, nil, nil],
             expected: .tooManyMissing(missing: 2, allowed: 1), band: nil, isCase: false),
        // PCL-5: 20 x 2 = 40, case (>= 33); no bands
        Case(instrument: BuiltInInstruments.pcl5, items: Array(repeating: 2, count: 20),
             expected: .scored(total: 40, method: .complete), band: nil, isCase: true),
        // PCL-5 is strict: one missing item is too many
        Case(instrument: BuiltInInstruments.pcl5, items: Array(repeating: 2, count: 19) + [nil],
             expected: .tooManyMissing(missing: 1, allowed: 0), band: nil, isCase: false),
        // CORE-10: items 2 and 3 reversed (4 - 4 = 0 each): 1+0+0+1x7 = 8 -> low (6-10)
        Case(instrument: BuiltInInstruments.core10, items: [1, 4, 4, 1, 1, 1, 1, 1, 1, 1],
             expected: .scored(total: 8, method: .complete), band: "low", isCase: false),
        // CORE-10: items 2 and 3 reversed (4 - 0 = 4 each): 2+4+4+2x7 = 24 -> moderately severe (20-24)
        Case(instrument: BuiltInInstruments.core10, items: [2, 0, 0, 2, 2, 2, 2, 2, 2, 2],
             expected: .scored(total: 24, method: .complete), band: "moderately severe", isCase: true),
        // WHO-5: 3+3+2+2+3 = 13 raw, x4 = 52 -> adequate, not a case (case <= 50)
        Case(instrument: BuiltInInstruments.who5, items: [3, 3, 2, 2, 3],
             expected: .scored(total: 13, method: .complete), band: "adequate wellbeing", isCase: false),
        // WHO-5: 2+2+2+3+3 = 12 raw, x4 = 48 -> poor wellbeing, a case
        Case(instrument: BuiltInInstruments.who5, items: [2, 2, 2, 3, 3],
             expected: .scored(total: 12, method: .complete), band: "poor wellbeing", isCase: true),
        // AUDIT: 1+1+1+0+0+0+0+0 + item 9 = 2 + item 10 = 4 -> 9 -> zone II (8-15), case (>= 8)
        Case(instrument: BuiltInInstruments.audit, items: [1, 1, 1, 0, 0, 0, 0, 0, 2, 4],
             expected: .scored(total: 9, method: .complete), band: "zone II", isCase: true),
        // AUDIT items 9 and 10 take only 0, 2 or 4
        Case(instrument: BuiltInInstruments.audit, items: [1, 1, 1, 0, 0, 0, 0, 0, 1, 0],
             expected: .itemOutOfRange(item: 9, value: 1), band: nil, isCase: false),
        Case(instrument: BuiltInInstruments.audit, items: [0, 0, 0, 0, 0, 0, 0, 0, 0, 3],
             expected: .itemOutOfRange(item: 10, value: 3), band: nil, isCase: false),
        // DAST-10: item 3 reversed (1 - 0 = 1): 1+1+1 = 3 -> moderate (3-5), case (>= 3)
        Case(instrument: BuiltInInstruments.dast10, items: [1, 1, 0, 0, 0, 0, 0, 0, 0, 0],
             expected: .scored(total: 3, method: .complete), band: "moderate", isCase: true),
        // DAST-10: item 3 answered 1, reversed to 0 -> 0 -> none
        Case(instrument: BuiltInInstruments.dast10, items: [0, 0, 1, 0, 0, 0, 0, 0, 0, 0],
             expected: .scored(total: 0, method: .complete), band: "none", isCase: false),
    ]

    @Test(arguments: cases)
    func scores(_ testCase: Case) {
        let result = testCase.instrument.score(items: testCase.items)
        #expect(result == testCase.expected)
        if case .scored(let total, _) = result {
            let reported = testCase.instrument.reported(total)
            #expect(testCase.instrument.band(for: reported)?.label == testCase.band)
            #expect(testCase.instrument.isCase(reported) == testCase.isCase)
        }
    }

    @Test func who5ReportsTimesFour() {
        // 13 x 4 = 52; 25 x 4 = 100
        #expect(BuiltInInstruments.who5.reported(13) == 52)
        #expect(BuiltInInstruments.who5.reported(25) == 100)
        #expect(BuiltInInstruments.who5.direction == .higherIsBetter)
    }

    @Test func publishedParameters() {
        #expect(BuiltInInstruments.phq9.totalRange == 0...27)
        #expect(BuiltInInstruments.phq9.loincPanel == "44249-1" && BuiltInInstruments.phq9.loincTotal == "44261-6")
        #expect(BuiltInInstruments.gad7.reliableChangePoints == 4 && BuiltInInstruments.gad7.reliability == 0.92)
        #expect(BuiltInInstruments.pcl5.reliableChangePoints == 10 && BuiltInInstruments.pcl5.casenessCutoff == 33)
        #expect(BuiltInInstruments.audit.reliableChangePoints == nil)
        #expect(BuiltInInstruments.core10.reverseScoredItems == [2, 3] && BuiltInInstruments.dast10.reverseScoredItems == [3])
    }
}
