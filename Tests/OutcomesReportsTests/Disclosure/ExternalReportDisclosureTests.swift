import Charts
import OutcomesAnalysis
import OutcomesCore
import OutcomesTestSupport
import Testing
@testable import OutcomesReports

/// An external report is one output: every table and chart of every page is suppressed
/// together, and a hostile reader holding the whole document recovers no withheld count.
@Suite("external reports as one output of disclosure control")
struct ExternalReportDisclosureTests {
    static func definition(_ name: String) throws -> ReportDefinition { try ShippedDefinitionTests().load(name) }

    @Test("every external report of a generated program: no withheld count recoverable from the document",
          arguments: ["accreditation", "qi-review"])
    func generatedProgram(name: String) throws {
        let definition = try Self.definition(name)
        let audit = ReportAudit.audit(definition, ExternalReportFixture(episodes: 260, seed: 7).inputs(definition))
        #expect(audit.problems.isEmpty, "\(audit.problems)")
        // Not vacuous: the program's small tracks, sites and groups give both kinds of withheld count
        #expect(audit.primary > 0)
        #expect(audit.complementary > 0)
    }

    /// `count` discharges of `program` in October 2026 scored on `instrument`, the first
    /// `paired` of them with a final score (a pair).
    static func scoredDischarges(_ count: Int, paired: Int, program: String = "trauma", instrument: String = "PCL-5",
                                 reason: (Int) -> DischargeReason = { _ in .completed }) -> (episodes: [Episode], scores: [Assessment]) {
        let admission = Day(iso: "2026-09-01") ?? Day(ordinal: 0)
        let discharge = Day(iso: "2026-10-20") ?? Day(ordinal: 0)
        var episodes: [Episode] = []
        var scores: [Assessment] = []
        for number in 0..<count {
            let id = "\(program)-\(number)"
            episodes.append(Episode(patientKey: id, episodeID: id, program: program, admissionDate: admission,
                                    dischargeDate: discharge, dischargeReason: reason(number)))
            // PCL-5 50 -> 30, PHQ-9 20 -> 8: reliably improved either way
            let (baseline, final): (Score, Score) = instrument == "PCL-5" ? (50, 30) : (20, 8)
            scores.append(Assessment(episodeID: id, assessedOn: admission, instrument: instrument, score: baseline))
            if number < paired {
                scores.append(Assessment(episodeID: id, assessedOn: Day(ordinal: discharge.ordinal - 2), instrument: instrument, score: final))
            }
        }
        return (episodes, scores)
    }

    /// The tables of `definition` (external) over `dataset`, printed from the report's one decision.
    static func tables(_ definition: ReportDefinition, _ dataset: AnalysisDataset) -> (TableFactory, ReportAudit.Result) {
        let inputs = ExternalReportFixture.inputs(definition, dataset)
        let disclosure = ReportBuilder(definition: definition, inputs: inputs, measurer: FixedWidthTextMeasurer()).disclosure()
        let factory = TableFactory(inputs: inputs, privacy: Privacy(external: true, disclosure: disclosure), definition: definition,
                                   contents: [])
        return (factory, ReportAudit.audit(definition, inputs))
    }

    static func rows(_ items: [LayoutItem]) -> [[String]] {
        items.flatMap { item -> [[String]] in
            guard case .table(let table) = item else { return [] }
            return table.rows.map { $0.map { cell in cell.detail.map { "\(cell.text) (\($0))" } ?? cell.text } }
        }
    }

    @Test("PCL-5: 'no outcome pair' beside '28 pairs of 31 scored' no longer gives 3")
    func noPairBesidePairs() throws {
        // 31 discharges scored on PCL-5, 28 with a pair, 3 without. Before: the completeness page
        // printed no pair as <11 and the outcomes page "28 of 31 scored": 31 - 28 = 3 recovered.
        // Now the pairs (28, and every rate over them) are withheld as "suppressed": no pair is
        // 31 - pairs with pairs >= 11, anywhere from 1 to 10 (pairs 21 to 30).
        let (episodes, scores) = Self.scoredDischarges(31, paired: 28)
        let definition = try Self.definition("accreditation")
        let (factory, audit) = Self.tables(definition, AnalysisDataset(episodes: episodes, assessments: scores))
        let completeness = Self.rows(factory.completeness())
        #expect(completeness.contains(["PCL-5: discharges with scores but no outcome pair", "<11"]))
        let outcomes = try #require(Self.rows(factory.outcomes()).first { $0.first == "PCL-5" })
        #expect(outcomes[1].hasPrefix("suppressed (of "))
        #expect(!outcomes.joined().contains("28"), "no rate over the 28 pairs is printed either: \(outcomes)")
        #expect(audit.problems.isEmpty, "\(audit.problems)")
    }

    @Test("a reason list of 25 completed of 30, every other reason 0, no longer gives ama = 5")
    func reasonList() throws {
        // Before: ama <11 beside completed 25, all other reasons 0 and 30 discharges: 30 - 25 = 5.
        // Now completed (25) is "suppressed" too and no share is printed beside either: ama is
        // 30 - completed with completed >= 11, anywhere from 1 to 10.
        let (episodes, scores) = Self.scoredDischarges(30, paired: 30) { $0 < 25 ? .completed : .ama }
        let definition = try Self.definition("accreditation")
        let (factory, audit) = Self.tables(definition, AnalysisDataset(episodes: episodes, assessments: scores))
        let reasons = Self.rows([.table(factory.dischargeReasons())])
        #expect(reasons.contains(["Completed", "suppressed", "–"]))
        #expect(reasons.contains(["Left against advice", "<11", "–"]) || reasons.contains { $0[1] == "<11" })
        #expect(reasons.last == ["All discharges", "30", "100%"])
        #expect(audit.problems.isEmpty, "\(audit.problems)")
    }

    @Test("a cohort of 4 pairs beside cohorts of 30 and 25 takes the 25 with it, printed 'suppressed'")
    func cohortsOfAChart() throws {
        // PHQ-9 pairs by track: a = 4, b = 30, c = 25, all discharges 59 (change by track chart and
        // the outcomes table). 4 alone: 59 - 30 - 25 = 4; with c withheld, a = 29 - c with c >= 11.
        var episodes: [Episode] = []
        var scores: [Assessment] = []
        for (program, count) in [("a", 4), ("b", 30), ("c", 25)] {
            let cohort = Self.scoredDischarges(count, paired: count, program: program, instrument: "PHQ-9")
            episodes += cohort.episodes
            scores += cohort.scores
        }
        let definition = try Self.definition("accreditation")
        let inputs = ExternalReportFixture.inputs(definition, AnalysisDataset(episodes: episodes, assessments: scores))
        let disclosure = ReportBuilder(definition: definition, inputs: inputs, measurer: FixedWidthTextMeasurer()).disclosure()
        let factory = ChartFactory(inputs: inputs, privacy: Privacy(external: true, disclosure: disclosure))
        let request = ChartRequest(kind: .changeByCohort, metric: nil, instrument: "PHQ-9", by: "program", target: nil, fullWidth: true)
        guard case .dotInterval(let data)? = factory.spec(for: request)?.chart.kind else { throw ChartError.notDrawn }
        #expect(data.rows.map(\.estimate.withheldText) == ["<11", nil, "suppressed", nil])
        #expect(data.rows.map(\.n) == [nil, 30, nil, 59])
        #expect(ReportAudit.audit(definition, inputs).problems.isEmpty)
    }

    enum ChartError: Error { case notDrawn }

    @Test("an SPC month withheld draws no point, no n and no limits, and takes no part in the centre line")
    func spcMonth() throws {
        let definition = try Self.definition("qi-review")
        var external = definition
        external.audience = .external
        let inputs = ExternalReportFixture(episodes: 600, seed: 7).inputs(definition)
        let disclosure = ReportBuilder(definition: external, inputs: inputs, measurer: FixedWidthTextMeasurer()).disclosure()
        let factory = ChartFactory(inputs: inputs, privacy: Privacy(external: true, disclosure: disclosure))
        // The first SPC chart of the review with months both shown and withheld
        let charts = [MetricID.completionRate, MetricID.dropoutRate, MetricID.outcome("PHQ-9", "reliable_improvement_rate")]
            .compactMap { id -> (String, SPCSeries)? in
                let request = ChartRequest(kind: .spc, metric: id, instrument: nil, by: nil, target: nil, fullWidth: true)
                guard case .spc(let series)? = factory.spec(for: request)?.chart.kind else { return nil }
                return (id, series)
            }
        let (id, series) = try #require(charts.first { $0.1.points.contains(where: \.value.isSuppressed) })
        let withheld = series.points.filter(\.value.isSuppressed)
        for point in withheld {
            #expect(point.n == nil && point.lower == nil && point.upper == nil && point.signal == nil)
        }
        // The centre is the pooled rate of the months shown only
        let trend = try #require(inputs.trend(id))
        var (num, den) = (0, 0)
        for (point, drawn) in zip(trend.points, series.points) where !drawn.value.isSuppressed {
            if case .proportion(_, let n, let d)? = point.value { (num, den) = (num + n, den + d) }
        }
        let centre = try #require(series.points.compactMap(\.centre).first)
        #expect(abs(centre - Double(num) / Double(den)) < 1e-12)
    }
}
