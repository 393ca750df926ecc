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
}
