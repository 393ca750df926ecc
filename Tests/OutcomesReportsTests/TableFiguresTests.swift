import OutcomesAnalysis
import OutcomesCore
import Testing
@testable import OutcomesReports

/// Report tables print the figures `analyze` computes (and `explain` lists), never a count of their own.
@Suite("report tables read the metric registry")
struct TableFiguresTests {
    static func day(_ text: String) -> Day { Day(iso: text) ?? Day(ordinal: 0) }
    static let october = Period(from: day("2026-10-01"), to: day("2026-10-31"))

    /// One discharge with a PHQ-9 pair (20 -> 8) and a GAD-7 pair (15 -> 5).
    static func inputs(_ method: ReliableChangeMethod) -> ReportInputs {
        let episode = Episode(patientKey: "p1", episodeID: "E1", program: "adult-mh", admissionDate: day("2026-09-01"),
                              dischargeDate: day("2026-10-20"), dischargeReason: .completed)
        let scores = [("PHQ-9", "2026-09-01", 20), ("PHQ-9", "2026-10-15", 8), ("GAD-7", "2026-09-01", 15), ("GAD-7", "2026-10-15", 5)]
            .map { Assessment(episodeID: "E1", assessedOn: day($0.1), instrument: $0.0, score: Score($0.2)) }
        let dataset = AnalysisDataset(episodes: [episode], assessments: scores)
        let result = Analysis.analyze(dataset, options: AnalysisOptions(period: october, reliableChange: method))
        return ReportInputs(programName: "Test", period: october, current: result, byDimension: [:], previous: nil, trends: [],
                            registry: .builtIn, patientKeys: [:],
                            provenance: ProvenanceSummary(loads: [], softwareVersion: "0", command: "test", parameters: []),
                            generatedOn: october.to)
    }

    /// The outcomes table's row for `label`, as text.
    static func row(_ label: String, _ method: ReliableChangeMethod) throws -> [String] {
        let definition = ReportDefinition(title: "T", audience: .internal, period: .month, trendMonths: 12, description: nil,
                                          cover: false, sections: [], source: "t.yaml")
        let inputs = inputs(method)
        let factory = TableFactory(inputs: inputs, privacy: Privacy(external: false, inputs: inputs), definition: definition, contents: [])
        guard case .table(let table)? = factory.outcomes().first else { throw TableError.noTable }
        let row = try #require(table.rows.first { $0.first?.text == label })
        return row.map(\.text)
    }

    enum TableError: Error { case noTable }

    @Test("the combined row follows the combined outcome's threshold rule, as the JSON does")
    func combinedRowChecksThresholds() throws {
        // Published thresholds: PHQ-9 improves by 12 >= 6, GAD-7 by 10 >= 4: reliably improved, 1 of 1;
        // a case at baseline and below both cutoffs at final: recovered, 1 of 1
        #expect(try Self.row("PHQ-9 and GAD-7 combined", .published) == ["PHQ-9 and GAD-7 combined", "1", "", "100.0%", "0.0%",
                                                                         "100.0%", "", ""])
        // Jacobson-Truax needs two baselines: with one pair there is no threshold, so the reliable-change
        // rates are undefined (analyze prints den 0) and the table shows "–", never a rate of 1
        let jacobsonTruax = try Self.row("PHQ-9 and GAD-7 combined", .jacobsonTruax)
        #expect(jacobsonTruax == ["PHQ-9 and GAD-7 combined", "1", "", "–", "–", "100.0%", "", ""])
        let phq9 = try Self.row("PHQ-9", .jacobsonTruax)
        #expect(phq9[3] == "–" && phq9[4] == "–" && phq9[5] == "100.0%")
    }

    @Test("the methods appendix states which instruments define the equity outcomes when the report has an equity table")
    func equityRuleInTheAppendix() {
        func definitionRows(_ tables: [ReportTableKind]) -> [String] {
            let requests = tables.map { ReportBlock.table(TableRequest(kind: $0, instrument: nil, by: nil)) }
            let definition = ReportDefinition(title: "T", audience: .external, period: .month, trendMonths: 12, description: nil,
                                              cover: false, sections: [ReportSection(title: "S", blocks: requests, newPage: false)],
                                              source: "t.yaml")
            let inputs = Self.inputs(.published)
            let factory = TableFactory(inputs: inputs, privacy: Privacy(external: true, inputs: inputs), definition: definition,
                                       contents: [])
            return factory.definitions().rows.map { $0.map(\.text).joined(separator: " | ") }
        }
        #expect(definitionRows([.equity, .definitions]) == ["Equity outcomes | " + Equity.outcomeRule])
        #expect(definitionRows([.definitions]).isEmpty)
    }
}
