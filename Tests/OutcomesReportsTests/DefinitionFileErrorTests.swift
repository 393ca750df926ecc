import Foundation
import Testing
@testable import OutcomesReports

/// Issue 9.7: a report definition file's errors name the place and never echo a huge value.
@Suite("Report definition file errors")
struct DefinitionFileErrorTests {
    let vocabulary = ReportDefinition.Vocabulary(
        isKnownMetric: { $0 == "census.admissions" }, isKnownInstrument: { $0 == "PHQ-9" }, cohortDimensions: ["site"])

    @Test("Issue 9.7: a report definition that is not UTF-8 names the byte offset")
    func notUTF8NamesTheOffset() throws {
        // Given "title: T\n" (9 bytes), then a Latin-1 "é" (0xE9) at offset 9, on line 2
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("def-\(UUID().uuidString).yaml")
        try Data(Array("title: T\n".utf8) + [0xE9] + Array("\n".utf8)).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(throws: ReportDefinitionError(file: url.path, line: 2, message: "not valid UTF-8 at byte offset 9")) {
            _ = try ReportDefinition.load(path: url.path, vocabulary: vocabulary)
        }
    }

    @Test func aLongUnknownMetricIsCutToSixtyCharacters() throws {
        let metric = String(repeating: "m", count: 5_000)
        let text = "title: T\nsections:\n  - title: S\n    blocks:\n      - metrics: [\(metric)]\n"
        #expect(throws: ReportDefinitionError(file: "t.yaml", line: 5,
                                              message: "unknown metric '\(String(repeating: "m", count: 60))…'")) {
            _ = try ReportDefinition.parse(text, file: "t.yaml", vocabulary: vocabulary)
        }
    }
}
