import Foundation
import OutcomesCore
import Yams

extension ReportDefinition {
    /// What a definition may name: checked at load time so that a misspelt metric fails with
    /// its file and line instead of an empty chart.
    public struct Vocabulary: Sendable {
        /// True for a metric identifier of SPEC section 9 (instrument-specific ones included).
        public var isKnownMetric: @Sendable (String) -> Bool
        public var isKnownInstrument: @Sendable (String) -> Bool
        public var cohortDimensions: Set<String>

        public init(isKnownMetric: @escaping @Sendable (String) -> Bool, isKnownInstrument: @escaping @Sendable (String) -> Bool,
                    cohortDimensions: Set<String>) {
            self.isKnownMetric = isKnownMetric
            self.isKnownInstrument = isKnownInstrument
            self.cohortDimensions = cohortDimensions
        }
    }

    /// Months a trend may show: 1 to 120, ten years of monthly points (a chart of more is unreadable,
    /// and `-3` or `100000` are typing errors).
    public static let trendMonthsRange = 1...120

    /// Reads and checks a definition file; a file that is not UTF-8 names the byte offset.
    public static func load(path: String, vocabulary: Vocabulary) throws -> ReportDefinition {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ReportDefinitionError(file: path, line: nil, message: "cannot read the report definition")
        }
        do {
            return try parse(try UTF8Validation.text([UInt8](data)), file: path, vocabulary: vocabulary)
        } catch let invalid as InvalidUTF8 {
            throw ReportDefinitionError(file: path, line: invalid.line, message: invalid.description)
        }
    }

    /// Parses definition text; `file` names it in errors.
    public static func parse(_ text: String, file: String, vocabulary: Vocabulary) throws -> ReportDefinition {
        let root: Node
        do {
            // Values are read as text (`YAMLFields`), never typed by YAML's implicit tags: the basic
            // resolver, whose default's regular expressions took ~9 M instructions to compile per report.
            guard let node = try Yams.compose(yaml: text, .basic) else {
                throw ReportDefinitionError(file: file, line: nil, message: "the report definition is empty")
            }
            root = node
        } catch let error as YamlError {
            throw ReportDefinitionError(file: file, line: nil, message: "not valid YAML: \(error)")
        }
        let fields = try YAMLFields(root, file: file, what: "a report definition")
        try fields.allowOnly(
            ["title", "audience", "period", "trend_months", "description", "cover", "sections", "changes"])
        guard let sectionNodes = try fields.sequence("sections"), !sectionNodes.isEmpty else {
            throw fields.error("'sections' is required and must list at least one section")
        }
        let audience = try fields.code("audience", as: Audience.self) ?? .internal
        let changes = try BlockReader.changes(fields)
        let reader = BlockReader(file: file, vocabulary: vocabulary, audience: audience, changes: changes)
        return ReportDefinition(
            title: try fields.requiredString("title"),
            audience: audience,
            period: try fields.code("period", as: PeriodRule.self) ?? .month,
            trendMonths: try fields.int("trend_months", within: trendMonthsRange) ?? 12,
            description: try fields.string("description"),
            cover: try fields.bool("cover") ?? false,
            sections: try sectionNodes.map(reader.section),
            source: file, changes: changes)
    }
}
