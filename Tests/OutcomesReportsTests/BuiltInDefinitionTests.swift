import Foundation
import Testing
@testable import OutcomesReports

/// The definitions compiled into the executable, and how a `report` argument finds one.
@Suite("built-in report definitions")
struct BuiltInDefinitionTests {
    let vocabulary = ShippedDefinitionTests().vocabulary

    @Test("Issue 9.10: the built-in definitions are the files in Reports/, byte for byte")
    func builtInsAreTheReportsFiles() throws {
        let reports = ShippedDefinitionTests.reports
        let files = try FileManager.default.contentsOfDirectory(atPath: reports.path).filter { $0.hasSuffix(".yaml") }
        #expect(files.map { String($0.dropLast(".yaml".count)) }.sorted() == ReportDefinition.builtInNames,
                "run `make definitions` after adding or removing a file in Reports/")
        for name in ReportDefinition.builtInNames {
            let file = try Data(contentsOf: reports.appendingPathComponent("\(name).yaml"))
            #expect(Data((ReportDefinition.builtInTexts[name] ?? "").utf8) == file,
                    "Reports/\(name).yaml and its built-in copy differ: run `make definitions`")
        }
        #expect(ReportDefinition.builtInNames == ["accreditation", "monthly", "qi-review"])
    }

    @Test func aNameIsTheBuiltInDefinitionFromAnyDirectory() throws {
        let monthly = try ReportDefinition.resolve("monthly", folder: nil, vocabulary: vocabulary)
        #expect(monthly.source == "Reports/monthly.yaml (built in)")
        #expect(monthly == (try ShippedDefinitionTests().load("monthly")).with(source: monthly.source))
    }

    @Test func aPathOrAFolderLoadsAnEditedCopy() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("defs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let edited = (ReportDefinition.builtInTexts["monthly"] ?? "")
            .replacingOccurrences(of: "title: Monthly program report", with: "title: Our monthly report")
        let path = folder.appendingPathComponent("monthly.yaml").path
        try edited.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try ReportDefinition.resolve(path, folder: nil, vocabulary: vocabulary).title == "Our monthly report")
        #expect(try ReportDefinition.resolve("monthly", folder: folder.path, vocabulary: vocabulary).title
                == "Our monthly report")
        #expect(throws: ReportDefinitionError(file: folder.appendingPathComponent("weekly.yaml").path, line: nil,
                                              message: "no such report definition")) {
            try ReportDefinition.resolve("weekly", folder: folder.path, vocabulary: vocabulary)
        }
    }

    @Test func anUnknownNameListsTheBuiltInOnes() {
        #expect(throws: ReportDefinitionError(
            file: "weekly", line: nil,
            message: "no such built-in report; use one of accreditation, monthly, qi-review, "
                + "or the path of a definition FILE.yaml")) {
            try ReportDefinition.resolve("weekly", folder: nil, vocabulary: vocabulary)
        }
    }
}

extension ReportDefinition {
    /// The same definition, as if read from `source`.
    func with(source: String) -> ReportDefinition {
        var copy = self
        copy.source = source
        return copy
    }
}
