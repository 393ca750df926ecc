import OutcomesAnalysis
import Testing
@testable import OutcomesPipeline

@Suite("Series charts of the spc command")
struct SeriesChartTests {
    @Test("the y axis is named from the file's header", arguments: [
        (["month", "falls", "patient_days"], "u", 1000.0, "falls per 1000 patient_days"),
        (["month", "falls", "patient_days"], "u", 1, "falls per patient_days"),
        (["month", "seen", "referred"], "p", 100, "seen of referred"),
        (["week", "wait_days"], "i", 1, "wait_days"),
    ])
    func valueName(header: [String], kind: String, multiplier: Double, expected: String) throws {
        let kind = try #require(ControlChart.Kind(rawValue: kind))
        #expect(SeriesChart.valueName(header, kind: kind, multiplier: multiplier) == expected)
    }
}
