import Charts
import OutcomesAnalysis
import OutcomesCore
import OutcomesTestSupport
import Testing
@testable import OutcomesReports

/// Whole reports laid out from a hand-built program of 7 discharges and one disengaged episode.
@Suite("report builder")
struct ReportBuilderTests {
    static let october = Period(from: Day(year: 2026, month: 10, day: 1) ?? Day(ordinal: 0), to: Day(year: 2026, month: 10, day: 31) ?? Day(ordinal: 0))

    static func day(_ text: String) -> Day { Day(iso: text) ?? Day(ordinal: 0) }

    /// Seven completed discharges in October and one active episode that missed its last 3 sessions.
    static func inputs() -> ReportInputs {
        var episodes = (1...7).map { i in
            Episode(patientKey: "key\(i)abcdef0123456789", episodeID: "E90000\(i)", program: "adult-mh",
                    admissionDate: day("2026-09-0\(i)"), dischargeDate: day("2026-10-1\(i)"), dischargeReason: .completed)
        }
        episodes.append(Episode(patientKey: "feedfacecafe0123456789", episodeID: "E900008", program: "sud", admissionDate: day("2026-09-20")))
        let sessions = ["2026-10-20", "2026-10-22", "2026-10-24"].map {
            Session(episodeID: "E900008", date: day($0), type: .group, modality: .inPerson, status: .noShow, scheduledMinutes: 180, attendedMinutes: nil)
        }
        let dataset = AnalysisDataset(episodes: episodes, sessions: sessions)
        let options = AnalysisOptions(period: october)
        let result = Analysis.analyze(dataset, options: options)
        let trends = Analysis.trend(dataset, options: options, metrics: [MetricID.discharges], months: 12)
        let keys = Dictionary(uniqueKeysWithValues: episodes.map { ($0.episodeID, $0.patientKey) })
        return ReportInputs(programName: "Test IOP", period: october, current: result,
                            byDimension: [.program: Analysis.analyze(dataset, options: options, by: [.program])], previous: nil,
                            trends: trends, registry: .builtIn, patientKeys: keys,
                            provenance: ProvenanceSummary(loads: [], softwareVersion: "0.0.0", command: "test", parameters: []),
                            generatedOn: october.to)
    }

    static func definition(_ audience: ReportDefinition.Audience, tables: [ReportTableKind]) -> ReportDefinition {
        ReportDefinition(title: "Test", audience: audience, period: .month, trendMonths: 12, description: nil, cover: false,
                         sections: [ReportSection(title: "Census", blocks: [.headline([HeadlineMetric(metric: MetricID.discharges, label: nil, target: nil, higherIsBetter: true)])]
                                                  + tables.map { .table(TableRequest(kind: $0, instrument: nil, by: nil)) }, newPage: false)],
                         source: "test.yaml")
    }

    func text(_ document: ReportDocument) -> [String] { document.pages.flatMap(\.textRuns).map(\.text) }

    @Test func anExternalReportShowsACohortOfSevenAsFewerThanEleven() {
        let document = ReportBuilder(definition: Self.definition(.external, tables: [.census, .dischargeReasons]),
                                     inputs: Self.inputs(), measurer: FixedWidthTextMeasurer()).build()
        let texts = text(document)
        #expect(texts.contains("<11"))
        #expect(!texts.contains("7"), "the count of 7 is hidden")
        #expect(!texts.contains { $0.contains("E90000") }, "no episode identifier")
        #expect(!document.containsPHI)
    }

    @Test func anInternalReportShowsTheCountAndTheWatchListStampsEveryPage() {
        let document = ReportBuilder(definition: Self.definition(.internal, tables: [.census, .watchList]),
                                     inputs: Self.inputs(), measurer: FixedWidthTextMeasurer()).build()
        let texts = text(document)
        #expect(texts.contains("7"))
        #expect(texts.contains("feedfacecafe"), "the first 12 characters of the pseudonym")
        #expect(!texts.contains { $0.contains("E900008") }, "never the episode id")
        #expect(document.containsPHI)
        for page in document.pages {
            #expect(page.textRuns.contains { $0.text.contains("Contains protected health information") })
        }
    }

    @Test func everyPageIsNumberedAndTheSameInputsGiveTheSameScenes() {
        let build = { ReportBuilder(definition: Self.definition(.internal, tables: [.census, .relapse, .watchList]),
                                    inputs: Self.inputs(), measurer: FixedWidthTextMeasurer()).build() }
        let first = build()
        #expect(first.pages == build().pages)
        for (index, page) in first.pages.enumerated() {
            #expect(page.textRuns.contains { $0.text == "Page \(index + 1) of \(first.pages.count)" })
            #expect(page.size == PageSetup.letter.size)
        }
    }

    @Test func ratesOnFewerThanElevenCasesAreNotComparedWithThePreviousPeriod() {
        // Given completion 7 of 7 in October, and the same 7 of 7 as the "previous" period:
        // a denominator of 7 is under 11, so the change column says so instead of "+0.0 pts".
        var inputs = Self.inputs()
        inputs.previous = PreviousPeriod(period: Self.october, metrics: inputs.current.overall?.metrics ?? MetricSet())
        let definition = ReportDefinition(
            title: "Test", audience: .internal, period: .month, trendMonths: 12, description: nil, cover: false,
            sections: [ReportSection(title: "Summary", blocks: [.headline([
                HeadlineMetric(metric: MetricID.completionRate, label: nil, target: nil, higherIsBetter: true),
            ])], newPage: false)],
            source: "test.yaml")
        let texts = text(ReportBuilder(definition: definition, inputs: inputs, measurer: FixedWidthTextMeasurer()).build())
        #expect(texts.contains("n < 11"))
        #expect(!texts.contains("+0.0 pts"))
    }
}
