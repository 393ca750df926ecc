import Testing
import OutcomesAnalysis
import OutcomesCore
import OutcomesPipeline
import OutcomesStore

/// The rows loaded for the periods analysed (issue 13, item 4): what a 14-month range, a
/// quarter and a 24-month trend count must not depend on where a load window happens to start.
@Suite("Data window: the rows the analysed periods need")
struct DataWindowTests {
    static func day(_ text: String) -> Day { Day(iso: text)! }
    static func period(_ from: String, _ to: String) -> Period { Period(from: day(from), to: day(to)) }

    /// Three episodes with one attended group session on the 15th of each month they are open:
    /// E1 admitted 2024-06-03 and still active (2024-06-15 to 2026-10-15: 29 sessions);
    /// E2 from 2025-08-04 to 2025-10-31 (August to October 2025: 3); E3 from 2026-08-03 to
    /// 2026-10-30 (August to October 2026: 3).
    static func database() throws -> OutcomesDatabase {
        let key = String(repeating: "d", count: 64)
        let episodes = [
            Episode(patientKey: key, episodeID: "E1", program: "adult-mh", admissionDate: day("2024-06-03")),
            Episode(patientKey: key, episodeID: "E2", program: "sud", admissionDate: day("2025-08-04"),
                    dischargeDate: day("2025-10-31"), dischargeReason: .completed),
            Episode(patientKey: key, episodeID: "E3", program: "sud", admissionDate: day("2026-08-03"),
                    dischargeDate: day("2026-10-30"), dischargeReason: .completed),
        ]
        var sessions: [Session] = []
        for episode in episodes {
            var month = episode.admissionDate.startOfMonth.adding(days: 14)
            while month <= (episode.dischargeDate ?? day("2026-10-31")) {
                sessions.append(Session(sessionID: nil, episodeID: episode.episodeID, date: month, type: .group,
                                        modality: .inPerson, status: .attended, scheduledMinutes: 180,
                                        attendedMinutes: 180, staffID: nil))
                month = month.adding(months: 1)
            }
        }
        let db = try OutcomesDatabase.inMemory()
        let files: [(CanonicalTable, [PreparedRecord])] = [(.episodes, episodes.map { PreparedRecord($0) }),
                                                           (.sessions, sessions.map { PreparedRecord($0) })]
        for (table, records) in files {
            _ = try db.loadRun(dryRun: false) { run in
                try run.loadFile(file: "\(table).csv", table: table, sha256: String(repeating: "e", count: 64),
                                 parameters: "{}", softwareVersion: "test", loadedAt: "test") { load in
                    for record in records { try load.store(record) }
                }
            }
        }
        return db
    }

    func scheduled(_ result: AnalysisResult) -> Int? {
        guard case .proportion(_, _, let den)? = result.overall?.metrics[MetricID.attendanceRate] else { return nil }
        return den
    }

    @Test func sessionsAreReadForTheEpisodesOpenInThePeriods() throws {
        let episodes = try Self.database().episodes().map(\.span)  // E1, E2, E3 (ordered by id)
        // October 2026: E1 (admitted 2024-06-03) and E3 are open; E2 ended 2025-10-31
        #expect(DataWindow.sessionEpisodes(for: [AnalysedPeriod(Self.period("2026-10-01", "2026-10-31"))], spans: episodes) == [0, 2])
        // October 2025: E1 and E2 are open; E3 is not admitted yet
        #expect(DataWindow.sessionEpisodes(for: [AnalysedPeriod(Self.period("2025-10-01", "2025-10-31"))], spans: episodes) == [0, 1])
        // Nothing analysed: nothing to read
        #expect(DataWindow.sessionEpisodes(for: [], spans: episodes).isEmpty)
        // Only the periods analysed for a family that reads sessions count: October 2025 for its
        // outcomes and post-discharge deterioration reads none; with fidelity (its active
        // episode-weeks) E1's and E2's; October 2026's attendance beside them adds E3 only.
        let october2025 = Self.period("2025-10-01", "2025-10-31")
        let scoresOnly = AnalysedPeriod(october2025, families: [.outcomes, .postDischargeDeterioration])
        #expect(DataWindow.sessionEpisodes(for: [scoresOnly], spans: episodes).isEmpty)
        #expect(DataWindow.sessionEpisodes(for: [AnalysedPeriod(october2025, families: [.fidelity])], spans: episodes)
                == [0, 1])
        let attendance = AnalysedPeriod(Self.period("2026-10-01", "2026-10-31"), families: [.attendance])
        #expect(DataWindow.sessionEpisodes(for: [scoresOnly, attendance], spans: episodes) == [0, 2])
    }

    @Test func scoresAreReadBackToTheEarliestFollowUpWindow() throws {
        let episodes = try Self.database().episodes().map(\.span)
        // January 2026: follow-up scores reach 105 days after discharge, so the follow-up cohort is
        // the newest month ending 105 days before 2026-01-31: September 2025 (2025-09-30 + 105 =
        // 2026-01-13). E2, discharged 2025-10-31, is read; a month later (February 2026, follow-up
        // cohort October 2025) too; in March 2026 (November 2025) it is not.
        #expect(DataWindow.scoredEpisodes(for: [AnalysedPeriod(Self.period("2026-01-01", "2026-01-31"))], spans: episodes) == [0, 1])
        #expect(DataWindow.scoredEpisodes(for: [AnalysedPeriod(Self.period("2026-02-01", "2026-02-28"))], spans: episodes) == [0, 1])
        #expect(DataWindow.scoredEpisodes(for: [AnalysedPeriod(Self.period("2026-03-01", "2026-03-31"))], spans: episodes) == [0])
    }

    @Test func episodesAreReadBackToTheEarliestWindowOfAnyPeriod() throws {
        // October 2026: its retention year (2025-11-01 on) is its earliest window (follow-up's
        // cohort is June 2026, since 2026-06-30 + 105 = 2026-10-13). A 12-month trend adds
        // November 2025, whose retention year starts 2024-12-01.
        let october = Self.period("2026-10-01", "2026-10-31")
        #expect(DataWindow.episodes(for: [AnalysedPeriod(october)]) == Self.period("2025-11-01", "2026-10-31"))
        #expect(DataWindow.episodes(for: AnalysedPeriod.allFamilies(october.trailingMonths(12)))
                == Self.period("2024-12-01", "2026-10-31"))
        #expect(DataWindow.episodes(for: []) == nil)
        // So October 2026 reads E1 (active) and E3, not E2 (discharged 2025-10-31); the trend reads all three.
        let db = try Self.database()
        let read = try DatasetLoader.load(db, periods: [AnalysedPeriod(october)], registry: .builtIn)
        #expect(read.episodes.map(\.episodeID) == ["E1", "E3"])
        let trend = AnalysedPeriod.allFamilies(october.trailingMonths(12))
        #expect(try DatasetLoader.load(db, periods: trend, registry: .builtIn).episodes.count == 3)
    }

    @Test func everyStoredInstrumentIsAnalysedWhereverItsScoresLie() throws {
        // E2's AUDIT scores (2025) lie before October 2026's windows, E3's PHQ-9 scores inside
        // them. October's read holds no AUDIT score, yet AUDIT is one of its instruments: its
        // outcomes are given (0 pairs), as from a read reaching back to E2, so that no figure
        // depends on where a read starts or how a trend's months are cut into reads.
        let db = try Self.database()
        let scores = [Assessment(episodeID: "E2", assessedOn: Self.day("2025-08-05"), instrument: "AUDIT",
                                 score: Score(18)),
                      Assessment(episodeID: "E2", assessedOn: Self.day("2025-10-28"), instrument: "AUDIT",
                                 score: Score(9)),
                      Assessment(episodeID: "E3", assessedOn: Self.day("2026-08-04"), instrument: "PHQ-9",
                                 score: Score(15)),
                      Assessment(episodeID: "E3", assessedOn: Self.day("2026-10-27"), instrument: "PHQ-9",
                                 score: Score(8))]
        _ = try db.loadRun(dryRun: false) { run in
            try run.loadFile(file: "assessments.csv", table: .assessments, sha256: String(repeating: "a", count: 64),
                             parameters: "{}", softwareVersion: "test", loadedAt: "test") { load in
                for score in scores { try load.store(PreparedRecord(score)) }
            }
        }
        let october = Self.period("2026-10-01", "2026-10-31")
        let read = try DatasetLoader.load(db, periods: [AnalysedPeriod(october)], registry: .builtIn)
        #expect(read.assessmentColumns.count == 2)  // E3's two PHQ-9 scores
        #expect(read.instrumentCodes == ["AUDIT", "PHQ-9"])
        let metrics = try #require(Analysis.analyze(read, options: AnalysisOptions(period: october)).overall).metrics
        // October's one discharge, E3 (2026-08-03 to 2026-10-30): baseline 15 on day 1, final 8
        // on 2026-10-27: one pair of one discharge; none on AUDIT, whose episode is not October's
        #expect(metrics[MetricID.outcome("PHQ-9", "pairs")] == .rate(1, 1))
        #expect(metrics[MetricID.outcome("AUDIT", "pairs")] == .rate(0, 0))
    }

    @Test func aPeriodAnalysedForSomeFamiliesReadsBackToTheirWindowsOnly() throws {
        // October 2026 (see above): attendance and every other family that reads P alone start on
        // 2026-10-01; post-discharge indicators at the 90-day cohort, July 2026 (2026-07-31 + 90 =
        // 2026-10-29); follow-up deterioration at June 2026; retention at 2025-11-01.
        let october = Self.period("2026-10-01", "2026-10-31")
        let from = { (families: Set<MetricFamily>) in
            DataWindow.episodes(for: [AnalysedPeriod(october, families: families)])?.from.description
        }
        #expect(from([.attendance, .census, .goals, .fidelity]) == "2026-10-01")
        // An episode-week belongs to the month its last day is in: one cut short by a discharge on
        // 2026-09-25 can end on 2026-10-01.
        #expect(from([.episodeWeeks]) == "2026-09-25")
        #expect(from([.postDischarge]) == "2026-07-01")
        #expect(from([.postDischargeDeterioration]) == "2026-06-01")
        #expect(from([.retention, .attendance]) == "2025-11-01")
        // Scores and goals: not before the families' earliest discharge window, retention and the
        // post-discharge indicators aside (they read episodes and events only). E2, discharged
        // 2025-10-31, is read for November 2025's retention year, but not scored for it.
        let episodes = try Self.database().episodes().map(\.span)
        #expect(DataWindow.scoredEpisodes(for: [AnalysedPeriod(october, families: [.retention])], spans: episodes)
                == [0, 2])
        let november = Self.period("2025-11-01", "2025-11-30")
        #expect(DataWindow.scoredEpisodes(for: [AnalysedPeriod(november, families: [.postDischarge])], spans: episodes)
                == [0])
        #expect(DataWindow.episodes(for: [AnalysedPeriod(november, families: [.postDischarge])])?.from.description
                == "2025-08-01")
        // November 2025's follow-up deterioration alone looks at July 2025's discharges: none of
        // E1 (active), E2 (discharged in October) and E3 (admitted in 2026).
        #expect(DataWindow.scoredEpisodes(for: [AnalysedPeriod(november, families: [.postDischargeDeterioration])],
                                          spans: episodes).isEmpty)
        // A report's trend months read for the trend's families: a 12-month attendance trend of
        // October 2026 starts with November 2025 itself, not its retention year (2024-12-01).
        let trend = [AnalysedPeriod(october)] + october.trailingMonths(12).map { AnalysedPeriod($0, families: [.attendance]) }
        #expect(DataWindow.episodes(for: trend) == Self.period("2025-11-01", "2026-10-31"))
    }

    @Test func aYearsFollowUpCohortAloneReadsItsDischarges() {
        // A 12-month report reads P's follow-up cohort apart, for post-discharge deterioration
        // alone. P = November 2025 - October 2026: the newest 12 months of discharges whose 105
        // days have elapsed by 2026-10-31 end 2026-06-30 (+105 days = 2026-10-13; a month later,
        // 2026-07-31 + 105 = 2026-11-13, is past P), so the cohort is 2025-07-01 to 2026-06-30.
        let year = Self.period("2025-11-01", "2026-10-31")
        let followUp = AnalysedPeriod(year, families: [.postDischargeDeterioration])
        // Episodes open in the cohort's months are read (their spans decide the scores read);
        // none admitted after it.
        #expect(DataWindow.episodes(for: [followUp]) == Self.period("2025-07-01", "2026-06-30"))
        let spans = [
            EpisodeSpan(admission: Self.day("2026-05-04"), discharge: Self.day("2026-06-30")),  // 0: last day: in
            EpisodeSpan(admission: Self.day("2026-05-11"), discharge: Self.day("2026-07-01")),  // 1: a day late
            EpisodeSpan(admission: Self.day("2026-01-05"), discharge: nil),                     // 2: active
            EpisodeSpan(admission: Self.day("2025-05-05"), discharge: Self.day("2025-06-30")),  // 3: a day early
            EpisodeSpan(admission: Self.day("2025-05-12"), discharge: Self.day("2025-07-01")),  // 4: first day: in
            EpisodeSpan(admission: Self.day("2026-09-07"), discharge: Self.day("2026-10-30")),  // 5: discharged in P
        ]
        // Scores are read for the cohort's discharges alone: 0 and 4.
        #expect(DataWindow.scoredEpisodes(for: [followUp], spans: spans) == [0, 4])
        // Beside P's October read for outcomes (episodes open in October: 2 and 5), the union.
        let october = AnalysedPeriod(Self.period("2026-10-01", "2026-10-31"), families: [.outcomes])
        #expect(DataWindow.scoredEpisodes(for: [followUp, october], spans: spans) == [0, 2, 4, 5])
        // With any other family beside it, P's episodes are read as for that family.
        #expect(DataWindow.episodes(for: [AnalysedPeriod(year, families: [.postDischargeDeterioration, .outcomes])])
                == Self.period("2025-07-01", "2026-10-31"))
    }

    @Test func eventsAreReadFromTheEarliestAdmissionRead() {
        // Step-up and return to use look back to an episode's admission: with E3 (admitted
        // 2026-08-03) the earliest read, October 2026's events run from that day to 2026-10-31.
        let october = Self.period("2026-10-01", "2026-10-31")
        let spans = [EpisodeSpan(admission: Self.day("2026-09-14"), discharge: nil),
                     EpisodeSpan(admission: Self.day("2026-08-03"), discharge: Self.day("2026-10-30"))]
        #expect(DataWindow.events(for: [AnalysedPeriod(october)], spans: spans) == Self.period("2026-08-03", "2026-10-31"))
        #expect(DataWindow.events(for: [AnalysedPeriod(october)], spans: []) == nil)
        // Only the periods analysed for step-up, post-discharge acute care or return to use read
        // events: October's outcomes and goals alone read none; September's step-up beside them
        // reads to September's end.
        let scores = AnalysedPeriod(october, families: [.outcomes, .goals, .postDischargeDeterioration])
        #expect(DataWindow.events(for: [scores], spans: spans) == nil)
        let stepUp = AnalysedPeriod(Self.period("2026-09-01", "2026-09-30"), families: [.stepUp])
        #expect(DataWindow.events(for: [scores, stepUp], spans: spans) == Self.period("2026-08-03", "2026-09-30"))
    }

    @Test func goalsAreReadForGoalAttainmentOnly() {
        // Both episodes are open in October 2026: their goals are read for its goal attainment,
        // none for its outcomes and follow-up deterioration alone.
        let october = Self.period("2026-10-01", "2026-10-31")
        let spans = [EpisodeSpan(admission: Self.day("2026-09-14"), discharge: nil),
                     EpisodeSpan(admission: Self.day("2026-08-03"), discharge: Self.day("2026-10-30"))]
        let scores = AnalysedPeriod(october, families: [.outcomes, .postDischargeDeterioration])
        #expect(DataWindow.scoredEpisodes(for: [scores], spans: spans) == [0, 1])
        #expect(DataWindow.goalEpisodes(for: [scores], spans: spans).isEmpty)
        #expect(DataWindow.goalEpisodes(for: [scores, AnalysedPeriod(october, families: [.goals])], spans: spans)
                == [0, 1])
    }

    @Test func aFourteenMonthRangeCountsWhatItsMonthsSum() throws {
        // September 2025 to October 2026: E1 14 sessions (one a month), E2 2 (September, October 2025),
        // E3 3 (August to October 2026): 19 scheduled. A window starting 366 days before the last
        // month (2025-09-30) would miss both September 15, 2025 sessions: 17.
        let range = Self.period("2025-09-01", "2026-10-31")
        let dataset = try DatasetLoader.load(Self.database(), periods: [AnalysedPeriod(range)], registry: .builtIn)
        #expect(scheduled(Analysis.analyze(dataset, options: AnalysisOptions(period: range))) == 19)
        let trend = Analysis.trend(dataset, options: AnalysisOptions(period: range), metrics: [MetricID.attendanceRate],
                                   months: 14)
        let monthly = trend.first?.points.compactMap { point -> Int? in
            guard case .proportion(_, _, let den)? = point.value else { return nil }
            return den
        } ?? []
        #expect(monthly.reduce(0, +) == 19)
    }

    @Test func aQuarterCountsItsSessions() throws {
        // Q3 2026: E1 July, August, September (3) and E3 August, September (2): 5
        let quarter = Self.period("2026-07-01", "2026-09-30")
        let dataset = try DatasetLoader.load(Self.database(), periods: AnalysedPeriod.allFamilies([quarter, quarter.previous]), registry: .builtIn)
        #expect(scheduled(Analysis.analyze(dataset, options: AnalysisOptions(period: quarter))) == 5)
        // Its previous period, Q2 2026: E1 alone, April to June: 3
        #expect(scheduled(Analysis.analyze(dataset, options: AnalysisOptions(period: quarter.previous))) == 3)
    }

    @Test func aTwentyFourMonthTrendCountsEveryMonth() throws {
        // November 2024 to October 2026: E1 one a month (24), plus E2 in August to October 2025
        // and E3 in August to October 2026: 2 in those six months, 1 in the other eighteen.
        let october = Self.period("2026-10-01", "2026-10-31")
        let periods = AnalysedPeriod.allFamilies(october.trailingMonths(24))
        let dataset = try DatasetLoader.load(Self.database(), periods: periods, registry: .builtIn)
        let trend = Analysis.trend(dataset, options: AnalysisOptions(period: october),
                                   metrics: [MetricID.attendanceRate], months: 24)
        let counts = trend.first?.points.map { point -> Int in
            guard case .proportion(_, _, let den)? = point.value else { return 0 }
            return den
        } ?? []
        let doubled: Set = ["2025-08", "2025-09", "2025-10", "2026-08", "2026-09", "2026-10"]
        let expected = october.trailingMonths(24).map { doubled.contains($0.from.monthKey) ? 2 : 1 }
        #expect(counts == expected)
        #expect(counts.reduce(0, +) == 30)
    }

    @Test func oneAnalysisByEachDimensionEqualsSeparateAnalyses() throws {
        // The overall cohort computed once must give what one analysis per dimension gave.
        let october = Self.period("2026-10-01", "2026-10-31")
        let dataset = try DatasetLoader.load(Self.database(), periods: [AnalysedPeriod(october)], registry: .builtIn)
        let options = AnalysisOptions(period: october)
        let shared = Analysis.analyze(dataset, options: options, byEach: [.program, .levelOfCare])
        for dimension in [CohortDimension.program, .levelOfCare] {
            let separate = Analysis.analyze(dataset, options: options, by: [dimension])
            #expect(shared.byDimension[dimension]?.cohorts.map(\.key) == separate.cohorts.map(\.key))
            #expect(shared.byDimension[dimension]?.cohorts.map(\.metrics) == separate.cohorts.map(\.metrics))
        }
        #expect(shared.overall.cohorts.map(\.metrics) == [Analysis.analyze(dataset, options: options).overall?.metrics])
    }
}
