import OutcomesCore
import Testing
@testable import OutcomesAnalysis

@Suite("Assessments as compact records")
struct AssessmentColumnsTests {
    @Test("a day outside 16 bits or an instrument numbered beyond 8 bits keeps its row aside, whole")
    func rowsKeptAside() {
        // 300 instruments "I0"..."I299", numbered 0-299 by first use: I256 onwards do not fit 8 bits.
        // Days: 1969-12-31 is day -1 and 2150-01-01 day 65,745, both outside 0...65,534; 2026-10-01 fits.
        var columns = AssessmentColumns()
        let days = ["1969-12-31", "2150-01-01", "2026-10-01"]
        for number in 0..<300 {
            let day = Fixture.day(days[number % 3])
            let timepoint: Timepoint? = number.isMultiple(of: 2) ? .weekly : nil
            columns.append(Assessment(episodeID: "e", assessedOn: day, instrument: "I\(number)",
                                      score: Score(units: Int64(number), decimals: number % 7)!,
                                      timepoint: timepoint))
        }
        for row in [0, 1, 2, 255, 256, 299] {
            #expect(columns.date(row) == Fixture.day(days[row % 3]))
            #expect(columns.instrumentNumber(row) == row)
            #expect(columns.score(row) == Score(units: Int64(row), decimals: row % 7))
            #expect(columns.timepoint(row) == (row.isMultiple(of: 2) ? .weekly : nil))
        }
        // Reordered, each row keeps its own fields
        let reordered = columns.reordered([299, 2, 256, 0])
        #expect((0..<4).map(reordered.date) == [299, 2, 256, 0].map(columns.date))
        #expect((0..<4).map(reordered.instrumentNumber) == [299, 2, 256, 0])
        #expect((0..<4).map(reordered.score) == [299, 2, 256, 0].map(columns.score))
    }

    @Test("an episode's run is put in instrument then date order, ties in row order, rows kept aside moved whole",
          arguments: [false, true])
    func ownersRunsAreOrdered(keepingOneAside: Bool) {
        // Episode 0's rows, as a store reads them (by natural key: instrument code, then date):
        //   row 0: GAD-7 on 10-03, score 1    row 2: PHQ-9 on 10-01, score 3    row 4: GAD-7 on 10-01, score 5
        //   row 1: GAD-7 on 10-03, score 2    row 3: PHQ-9 on 10-02, score 4
        // PHQ-9 is instrument 0 (first used), GAD-7 1, so the order is PHQ-9 10-01 (row 2), 10-02 (3),
        // then GAD-7 10-01 (4), 10-03 (0), 10-03 (1): rows 0 and 1 tie, and keep their order.
        // Episode 1's single row (row 5) stays where it is. With `keepingOneAside`, row 3's score
        // (2^35) does not fit a record's 32 bits: its row is kept aside and must move with its fields.
        var columns = AssessmentColumns()
        let phq = columns.intern("PHQ-9"), gad = columns.intern("GAD-7")
        let big: Int64 = keepingOneAside ? 1 << 35 : 4
        let rows: [(UInt16, String, Int64)] = [(gad, "2026-10-03", 1), (gad, "2026-10-03", 2), (phq, "2026-10-01", 3),
                                               (phq, "2026-10-02", big), (gad, "2026-10-01", 5), (phq, "2026-09-01", 6)]
        var owners = OwnerRuns()
        for (index, (instrument, day, units)) in rows.enumerated() {
            let facts = AssessmentFacts(episodeNumber: 0, assessedOn: Fixture.day(day), instrumentNumber: 0,
                                        score: Score(units: units, decimals: 0)!, timepoint: nil)
            columns.append(facts, instrument: instrument)
            owners.append(owner: index < 5 ? 0 : 1)
        }
        let ranges = columns.group(by: owners, ownerCount: 2)
        #expect(ranges == [0..<5, 5..<6])
        #expect((0..<6).map { columns.score($0).units } == [3, big, 5, 1, 2, 6])
        #expect((0..<6).map(columns.instrumentNumber) == [0, 0, 1, 1, 1, 0])
        #expect((0..<6).map { columns.date($0).description }
                == ["2026-10-01", "2026-10-02", "2026-10-01", "2026-10-03", "2026-10-03", "2026-09-01"])
    }

    @Test("an episode's totals of one instrument are put in date order, ties in row order")
    func oneInstrumentsTotalsAreSorted() {
        // One episode's PHQ-9 totals dated 10-05, 10-07, 10-03, 10-06, 10-07 (rows 0-4).
        // In date order: 10-03 (row 2), 10-05 (0), 10-06 (3), 10-07 (1, then 4: a tie, in row order).
        var columns = AssessmentColumns()
        let phq = columns.intern("PHQ-9")
        var owners = OwnerRuns()
        let rows = [(1, "2026-10-05"), (2, "2026-10-07"), (3, "2026-10-03"), (4, "2026-10-06"), (5, "2026-10-07")]
        for (units, day) in rows {
            columns.append(AssessmentFacts(episodeNumber: 0, assessedOn: Fixture.day(day), instrumentNumber: 0,
                                           score: Score(units: Int64(units), decimals: 0)!, timepoint: nil),
                           instrument: phq)
            owners.append(owner: 0)
        }
        #expect(columns.group(by: owners, ownerCount: 1) == [0..<5])
        #expect((0..<5).map { columns.score($0).units } == [3, 1, 4, 2, 5])
    }
}
