import OutcomesCore
import Testing
@testable import OutcomesAnalysis

@Suite("Cohorts and trends")
struct CohortTests {
    // Given four October admissions: sud/north, sud/north, sud/south, adult-mh/north, and one sud/south
    // episode discharged in 2020 (irrelevant to October: no cohort of its own).
    let dataset = AnalysisDataset(episodes: [
        Fixture.episode("1", program: "sud", site: "north", admitted: "2026-10-01"),
        Fixture.episode("2", program: "sud", site: "north", admitted: "2026-10-02"),
        Fixture.episode("3", program: "sud", site: "south", admitted: "2026-10-03"),
        Fixture.episode("4", program: "adult-mh", site: "north", admitted: "2026-10-04"),
        Fixture.episode("5", program: "dbt", site: "east", admitted: "2020-01-01", discharged: "2020-02-01"),
    ])

    @Test("by two dimensions: overall first, then each combination present")
    func twoDimensions() {
        let result = Analysis.analyze(dataset, options: AnalysisOptions(period: Fixture.october), by: [.program, .site])
        // Then overall + adult-mh/north + sud/north + sud/south (no adult-mh/south, no dbt/east)
        #expect(result.cohorts.map(\.key.description) == [
            "overall", "program=adult-mh, site=north", "program=sud, site=north", "program=sud, site=south",
        ])
        #expect(result.cohorts.map { $0.metrics[MetricID.admissions] } == [.count(4), .count(1), .count(2), .count(1)])
        #expect(result.cohorts[2].key[.site] == "north")
    }

    @Test("a dimension's cohorts compute only the families asked for; the others are computed over no episodes")
    func dimensionFamilies() {
        let options = AnalysisOptions(period: Fixture.october)
        let census = Analysis.dimensionCohorts(dataset, options: options, by: .program, families: [.census])
        let all = Analysis.dimensionCohorts(dataset, options: options, by: .program)
        // adult-mh holds episode 4, sud episodes 1 to 3: 1 and 3 October admissions either way
        #expect(census.map { $0.metrics[MetricID.admissions] } == [.count(1), .count(3)])
        #expect(all.map { $0.metrics[MetricID.admissions] } == [.count(1), .count(3)])
        // Only census metrics are written, each equal to the full computation's
        for (narrow, full) in zip(census, all) {
            #expect(!narrow.metrics.entries.isEmpty)
            for entry in narrow.metrics.entries {
                #expect(MetricFamily.of(entry.id) == .census)
                #expect(full.metrics[entry.id] == entry.value)
            }
        }
        #expect(all[1].metrics[MetricID.attendanceRate] != nil)
        #expect(census[1].metrics[MetricID.attendanceRate] == nil)
        // Retention, left out, saw none of sud's 3 admissions
        #expect(all[1].retention.curve.n == 3)
        #expect(census[1].retention.curve.n == 0)
    }

    @Test("a dimension cut for some families has the cohorts of the episodes that matter for them")
    func dimensionCohortsOfTheFamiliesDrawn() {
        // A dbt episode discharged 2026-06-20 is in October's follow-up cohort (June 2026: 2026-06-30
        // + 105 = 2026-10-13) and nothing else of October's: a cohort with every family, none for
        // completion (discharges in October) alone.
        let followedUp = AnalysisDataset(episodes: dataset.episodes.map { $0 } + [
            Fixture.episode("6", program: "dbt", site: "east", admitted: "2026-04-01", discharged: "2026-06-20"),
        ])
        let options = AnalysisOptions(period: Fixture.october)
        let all = Analysis.dimensionCohorts(followedUp, options: options, by: .program)
        let completion = Analysis.dimensionCohorts(followedUp, options: options, by: .program,
                                                   families: [.dischargeOutcomes])
        #expect(all.map { $0.key[.program] } == ["adult-mh", "dbt", "sud"])
        #expect(completion.map { $0.key[.program] } == ["adult-mh", "sud"])
        #expect(zip(completion, [all[0], all[2]]).allSatisfy {
            $0.metrics[MetricID.completionRate] == $1.metrics[MetricID.completionRate]
        })
    }

    @Test("dimension values", arguments: [
        (CohortDimension.ageBand, "26-44"), (.admissionMonth, "2026-10"), (.admissionQuarter, "2026-Q4"),
        (.levelOfCare, "IOP"), (.race, "unknown"),
    ])
    func dimensionValues(dimension: CohortDimension, expected: String) {
        #expect(dimension.value(ofEpisodeAt: 0, in: dataset.episodes) == expected)
    }

    @Test("each dimension reads its own field of the episode")
    func dimensionFields() {
        // Given an episode with every attribute set to a value of its own
        let episode = Episode(patientKey: "p", episodeID: "e", program: "sud", site: "north", levelOfCare: .php,
                              admissionDate: Fixture.day("2026-02-10"), ageAtAdmission: 17, sex: "F", race: "Asian",
                              ethnicity: "Not Hispanic", payer: "Medicaid", referralSource: "self")
        let table = AnalysisDataset(episodes: [episode]).episodes
        let values = Dictionary(uniqueKeysWithValues: CohortDimension.allCases.map {
            ($0, $0.value(ofEpisodeAt: 0, in: table))
        })
        // Then each dimension gives that attribute, and the table gives the episode back whole
        #expect(values == [.program: "sud", .site: "north", .levelOfCare: "PHP", .admissionMonth: "2026-02",
                           .admissionQuarter: "2026-Q1", .ageBand: "13-17", .sex: "F", .race: "Asian",
                           .ethnicity: "Not Hispanic", .payer: "Medicaid", .referralSource: "self"])
        #expect(table[0] == episode)
    }

    @Test("age bands", arguments: [
        (13, "13-17"), (17, "13-17"), (18, "18-25"), (25, "18-25"), (26, "26-44"), (44, "26-44"),
        (45, "45-64"), (64, "45-64"), (65, "65+"), (12, "unknown"),
    ])
    func ageBands(age: Int, band: String) {
        #expect(AgeBand.label(age: age) == band)
    }

    @Test("raw values as the command line spells them")
    func rawValues() {
        #expect(CohortDimension(rawValue: "referral_source") == .referralSource)
        #expect(CohortDimension(rawValue: "admission_quarter") == .admissionQuarter)
        #expect(CohortDimension.allCases.count == 11)
    }

    @Test("trend: one point per calendar month ending with P")
    func trend() {
        // Given admissions Oct 1-4 (4 in October, none in August or September)
        let trends = Analysis.trend(dataset, options: AnalysisOptions(period: Fixture.october),
                                    metrics: [MetricID.admissions], months: 3)
        #expect(trends.count == 1)
        #expect(trends[0].points.map(\.period.from.description) == ["2026-08-01", "2026-09-01", "2026-10-01"])
        #expect(trends[0].points.map(\.value) == [.count(0), .count(0), .count(4)])
        #expect(trends[0].points.map(\.label) == ["2026-08", "2026-09", "2026-10"])
    }

    @Test("trend by cohort: a month without the cohort's episodes is a gap")
    func trendGaps() {
        // Given the only episode before 2026 is a dbt one admitted 2020-01-01
        let trends = Analysis.trend(dataset, options: AnalysisOptions(period: Period.month("2020-01")!),
                                    metrics: [MetricID.admissions], months: 3, by: [.program])
        // Then November and December 2019 have no dbt cohort (gaps), January has 1 admission;
        // the overall cohort always exists
        #expect(trends.map(\.key.description) == ["overall", "program=dbt"])
        #expect(trends[0].points.map(\.value) == [.count(0), .count(0), .count(1)])
        #expect(trends[1].points.map(\.value) == [nil, nil, .count(1)])
    }

    @Test("rows of unknown episodes are counted, not indexed")
    func unmatched() {
        let dataset = AnalysisDataset(episodes: [Fixture.episode("1", admitted: "2026-10-01")], sessions: [
            Fixture.session("1", "2026-10-02", .attended), Fixture.session("x", "2026-10-02", .attended),
        ], events: [Fixture.event("nobody", "2026-10-02", .edVisit)])
        #expect(dataset.unmatched == UnmatchedRows(sessions: 1, assessments: 0, goals: 0, events: 1))
        #expect(dataset.sessions(ofEpisodeAt: 0).count == 1)
    }

    @Test("indexes return each episode's rows in date order")
    func dateOrder() {
        let dataset = AnalysisDataset(episodes: [Fixture.episode("1", admitted: "2026-10-01")], sessions: [
            Fixture.session("1", "2026-10-09", .attended), Fixture.session("1", "2026-10-02", .noShow),
        ])
        #expect(dataset.sessions(ofEpisodeAt: 0).map(\.date.description) == ["2026-10-02", "2026-10-09"])
    }
}

@Suite("Dimension lists")
struct DimensionListTests {
    @Test func parse() {
        let parsed = CohortDimension.parse(list: "program, age_band,colour")
        #expect(parsed.dimensions == [.program, .ageBand])
        #expect(parsed.unknown == ["colour"])
    }
}
