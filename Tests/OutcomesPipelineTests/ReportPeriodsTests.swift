import Testing
import OutcomesAnalysis
import OutcomesCore
import OutcomesPipeline
import OutcomesReports

/// The periods a report analyses, and for which metric families: what its data window is made of.
@Suite("Report periods: what a report analyses and how far back")
struct ReportPeriodsTests {
    let october = Period.month(containing: Day(iso: "2026-10-01")!)

    func plan(_ name: String) throws -> ReportPlan {
        ReportPlan(try ReportDefinition.resolve(name, folder: nil, vocabulary: .analysis(.builtIn)), month: october)
    }

    @Test func theMonthlyReportsTrendMonthsReadTheirHeadlineFamiliesOnly() throws {
        let monthly = try plan("monthly")
        let periods = ReportInputsLoader.analyzedPeriods(monthly)
        // October with every family and 11 of its 12 trend months, November 2025 to September
        // 2026 (October's trend values are P's own; the previous month is read from the trend,
        // not analysed on its own).
        #expect(periods.count == 12)
        #expect(periods.contains(AnalysedPeriod(october)))
        #expect(periods.filter { $0 != AnalysedPeriod(october) }.map { $0.period.from.monthKey }
                == october.trailingMonths(12).dropLast().map(\.from.monthKey))
        // The headlines: census, attendance, dose (episode-weeks), completion and dropout, baseline
        // measurement, PHQ-9 and combined outcomes, goals and readmission within 30 days.
        let trendFamilies: Set<MetricFamily> = [.census, .attendance, .episodeWeeks, .dischargeOutcomes, .fidelity,
                                                .outcomes, .goals, .postDischarge]
        #expect(periods.filter { $0.period != october }.allSatisfy { $0.families == trendFamilies })
        // So the window starts with November 2025's 90-day readmission cohort, August 2025, not
        // with its retention year (December 2024).
        #expect(DataWindow.episodes(for: periods)?.from.description == "2025-08-01")
    }

    @Test func theMonthlyReportReadsItsTwelveMonthsAtOnce() throws {
        let monthly = try plan("monthly")
        let reads = ReportInputsLoader.reads(monthly)
        // One read: October with every family and November 2025 to September 2026 for the
        // headlines, back to November's 90-day readmission cohort (August 2025). Six months
        // ending with October, with every family, would reach back further, to May 2026's
        // retention year (June 2025): `TrendRuns` takes every month.
        #expect(reads.count == 1)
        #expect(reads[0].current && !reads[0].previous)
        #expect(reads[0].months == october.trailingMonths(12).dropLast())
        let periods = reads[0].periods(monthly)
        #expect(periods.first == AnalysedPeriod(october))
        #expect(DataWindow.span(of: periods) == Period(from: Day(iso: "2025-11-01")!, to: october.to))
        #expect(DataWindow.episodes(for: periods)?.from.description == "2025-08-01")
        let sixMonths = AnalysedPeriod.allFamilies(october.trailingMonths(6))
        #expect(DataWindow.episodes(for: sixMonths)?.from.description == "2025-06-01")
    }

    @Test func theQIReviewAnalysesItsPreviousYearForTheTrendsMetricsOnly() throws {
        let qiReview = try plan("qi-review")
        let periods = ReportInputsLoader.analyzedPeriods(qiReview)
        // The 12 months before P and its 12 trend months, then P's follow-up cohort, then P (the 12
        // months to October 2026) and its 12.
        #expect(periods.count == 27)
        // The previous year prints only its headline figures, which are trend metrics: attendance,
        // completion and dropout, PHQ-9 and combined outcomes.
        let trendFamilies: Set<MetricFamily> = [.attendance, .dischargeOutcomes, .outcomes]
        #expect(periods[0] == AnalysedPeriod(Period(from: Day(iso: "2024-11-01")!, to: Day(iso: "2025-10-31")!),
                                             families: trendFamilies))
        // None of those looks before its period: the previous year's window is the year itself,
        // where with every family it started with its follow-up cohort, July 2024 to June 2025
        // (2025-06-30 + 105 days = 2025-10-13 is past by 2025-10-31).
        #expect(DataWindow.episodes(for: Array(periods[0...12]))?.from.description == "2024-11-01")
        // P's post-discharge deterioration is read on its own, then P with every other family
        let everyFamily = Set(MetricFamily.allCases)
        #expect(periods[13] == AnalysedPeriod(qiReview.period, families: [.postDischargeDeterioration]))
        #expect(periods[14] == AnalysedPeriod(qiReview.period,
                                              families: everyFamily.subtracting([.postDischargeDeterioration])))
    }

    @Test func theQIReviewReadsEachYearOnItsOwn() throws {
        let qiReview = try plan("qi-review")
        let reads = ReportInputsLoader.reads(qiReview)
        #expect(reads.count == 3)
        // First the previous year and the 12 trend months before P, read up to 2025-10-31 only ...
        let older = reads[0].periods(qiReview)
        #expect(!reads[0].current && reads[0].previous && older.count == 13)
        #expect(reads[0].months.first?.from.description == "2024-11-01")
        #expect(reads[0].months.last?.from.description == "2025-10-01")
        #expect(DataWindow.span(of: older)?.to.description == "2025-10-31")
        #expect(DataWindow.episodes(for: older)?.from.description == "2024-11-01")
        // ... then P's follow-up cohort, July 2025 to June 2026 (2026-06-30 + 105 = 2026-10-13 is
        // past by 2026-10-31), for P's post-discharge deterioration: the scores of its discharges
        // alone, and no session ...
        let followUp = reads[1].periods(qiReview)
        #expect(reads[1].followUpOfP && !reads[1].current && !reads[1].previous && reads[1].months.isEmpty)
        #expect(followUp == [AnalysedPeriod(qiReview.period, families: [.postDischargeDeterioration])])
        #expect(DataWindow.episodes(for: followUp)
                == Period(from: Day(iso: "2025-07-01")!, to: Day(iso: "2026-06-30")!))
        let spans = [EpisodeSpan(admission: Day(iso: "2025-06-02")!, discharge: Day(iso: "2025-07-20")!),
                     EpisodeSpan(admission: Day(iso: "2026-09-01")!, discharge: nil)]
        #expect(DataWindow.scoredEpisodes(for: followUp, spans: spans) == [0])
        #expect(DataWindow.sessionEpisodes(for: followUp, spans: spans).isEmpty)
        // ... then P (November 2025 to October 2026) with every other family and the 12 trend
        // months from its first on, whose window starts with P's 90-day readmission cohort,
        // August 2025 to July 2026, and whose scores start with the last week cut short before P.
        let newer = reads[2].periods(qiReview)
        #expect(reads[2].current && reads[2].leavesFollowUp && !reads[2].previous)
        #expect(newer.first?.period == qiReview.period && newer.count == 13)
        #expect(reads[2].months.first?.from.description == "2025-11-01")
        #expect(reads[2].months.last?.from.description == "2026-10-01")
        #expect(DataWindow.episodes(for: newer)?.from.description == "2025-08-01")
        #expect(DataWindow.scoredEpisodes(for: newer, spans: spans) == [1])
    }

    @Test func aReportDrawingDeteriorationByADimensionReadsItWithP() throws {
        // A 12-month report with a chart by program drawn from every family's cohorts (discharge
        // reasons by program) keeps P's follow-up cohort in P's own read: its programs' cohorts
        // are computed with every family, post-discharge deterioration among them.
        let text = """
            title: By program
            period: trailing_12_months
            sections:
              - title: Programs
                blocks:
                  - chart: {kind: discharge_reasons, by: program}
            """
        let definition = try ReportDefinition.parse(text, file: "by-program.yaml", vocabulary: .analysis(.builtIn))
        let plan = ReportPlan(definition, month: october)
        let reads = ReportInputsLoader.reads(plan)
        #expect(reads.count == 2)
        #expect(reads.allSatisfy { !$0.followUpOfP && !$0.leavesFollowUp })
        #expect(reads[1].periods(plan).first == AnalysedPeriod(plan.period))
    }
}
