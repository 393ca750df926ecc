import OutcomesCore
import Testing
@testable import OutcomesAnalysis

@Suite("Dataset columns and builder")
struct DatasetTests {
    @Test("sessions round-trip through the columns (except the source session id)")
    func sessionRoundTrip() {
        let sessions = [
            Session(sessionID: "S1", episodeID: "e", date: Fixture.day("2026-10-02"), type: .family, modality: .telehealth,
                    status: .leftEarly, scheduledMinutes: 120, attendedMinutes: 90, staffID: "L01"),
            Session(episodeID: "e", date: Fixture.day("2026-10-01"), type: .psychiatry, modality: nil,
                    status: .cancelledProgram, scheduledMinutes: 30),
        ]
        let dataset = AnalysisDataset(episodes: [Fixture.episode("e", admitted: "2026-10-01")], sessions: sessions)
        var expected = sessions.reversed().map { $0 }
        expected[1].sessionID = nil
        #expect(Array(dataset.sessions(ofEpisodeAt: 0)) == expected)
        // Rows are kept in date order: row 0 is the cancelled session of 10-01 (no service),
        // row 1 the left-early one of 10-02 (its 90 attended minutes, not the 120 scheduled)
        #expect(dataset.sessionColumns.serviceMinutes(0) == 0)
        #expect(dataset.sessionColumns.serviceMinutes(1) == 90)
    }

    @Test("a staff index beyond 16 bits and a day outside 1970-2149 are kept aside, minutes beyond 12 bits clamped")
    func sessionRecordLimits() {
        var columns = SessionColumns()
        let facts = SessionFacts(episodeNumber: 1, date: Fixture.day("2026-10-01"), type: .other, modality: .telehealth,
                                 status: .excused, scheduledMinutes: 70_000, attendedMinutes: 4_095, staffNumber: nil)
        // 2^16 = 65,536 staff indexes do not fit the record; 65,533 (0xFFFD) still does
        for staff: Int32 in [65_536, 65_533, 65_534, -1] { columns.append(facts, staff: staff) }
        #expect((0..<4).map(columns.staffNumber) == [65_536, 65_533, 65_534, -1])
        // 70,000 and 4,095 minutes clamp to 4,094 (4,095 means "not recorded")
        #expect(columns.scheduledMinutes(0) == 4_094 && columns.attendedMinutes(0) == 4_094)
        #expect(columns.type(3) == .other && columns.modality(3) == .telehealth && columns.status(3) == .excused)
        // Days 0 (1970-01-01) to 65,534 fit: 65,534 days after 1970-01-01 is 2149-06-05; the day
        // before and the day after are kept aside, with staff kept aside on the same row
        let days = ["1970-01-01", "2149-06-05", "1969-12-31", "2149-06-06", "1900-01-01"].map(Fixture.day)
        #expect(days[1].ordinal == 65_534)
        for day in days {
            var session = facts
            session.date = day
            columns.append(session, staff: 70_000)
        }
        #expect((4..<9).map(columns.date) == days)
        #expect((4..<9).map(columns.staffNumber) == Array(repeating: 70_000, count: 5))
        // Reordered (grouping, joining) rows keep their days and staff
        let reordered = columns.reordered([8, 0, 6])
        #expect((0..<3).map(reordered.date) == [days[4], Fixture.day("2026-10-01"), days[2]])
        #expect((0..<3).map(reordered.staffNumber) == [70_000, 65_536, 70_000])
        // Joined onto other columns, at other rows
        var joined = SessionColumns()
        var drained = SessionColumns()
        joined.append(facts, staff: -1)
        for day in days {
            var session = facts
            session.date = day
            drained.append(session, staff: -1)
        }
        joined.append(draining: &drained)
        #expect((1..<6).map(joined.date) == days && drained.count == 0)
        #expect(MemoryLayout<SessionRecord>.stride == 8)
    }

    @Test("a score point keeps its day, exact score and timepoint in 16 bytes")
    func scorePointLayout() throws {
        // The score limit at 6 decimals is 10^12 x 10^6 = 10^18 units: it needs the 64-bit field
        let extreme = try #require(Score(units: -1_000_000_000_000_000_000, decimals: 6))
        let points = [ScorePoint(day: Fixture.day("2026-10-01"), score: extreme, timepoint: .discharge),
                      ScorePoint(day: Fixture.day("1900-01-01"), score: Score(27), timepoint: nil)]
        #expect(points[0].score.units == -1_000_000_000_000_000_000 && points[0].score.decimals == 6)
        #expect(points[0].day == Fixture.day("2026-10-01") && points[0].timepoint == .discharge)
        #expect(points[1].score == Score(27) && points[1].day == Fixture.day("1900-01-01") && points[1].timepoint == nil)
        // 8 (units) + 4 (day) + 1 (decimals) + 1 (timepoint), padded to the 8-byte alignment
        #expect(MemoryLayout<ScorePoint>.stride == 16)
    }

    @Test("rows read together and in date order stay where they are; others are grouped and sorted")
    func sessionsAreGroupedByEpisode() {
        let episodes = [Fixture.episode("a", admitted: "2026-10-01"), Fixture.episode("b", admitted: "2026-10-01")]
        // Given b's two sessions then a's, each episode's together and in date order
        let grouped = AnalysisDataset(episodes: episodes, sessions: [
            Fixture.session("b", "2026-10-02", .attended), Fixture.session("b", "2026-10-03", .noShow),
            Fixture.session("a", "2026-10-05", .excused),
        ])
        // Then rows 0-1 are b's and row 2 is a's, as read
        #expect(grouped.sessionRows(ofEpisodeAt: 1) == 0..<2 && grouped.sessionRows(ofEpisodeAt: 0) == 2..<3)
        // Given a's sessions split by b's and out of date order, and an unknown episode's
        let scattered = AnalysisDataset(episodes: episodes, sessions: [
            Fixture.session("a", "2026-10-05", .excused), Fixture.session("zz", "2026-10-01", .attended),
            Fixture.session("b", "2026-10-02", .attended), Fixture.session("a", "2026-10-04", .noShow),
        ])
        // Then a's rows come first in date order (10-04, 10-05), then b's; zz's is left out but counted
        #expect(scattered.sessionRows(ofEpisodeAt: 0) == 0..<2 && scattered.sessionRows(ofEpisodeAt: 1) == 2..<3)
        #expect((0..<3).map(scattered.sessionColumns.status) == [.noShow, .excused, .attended])
        #expect(scattered.sessionColumns.count == 3 && scattered.unmatched.sessions == 1)
    }

    @Test("an episode's sessions dated in a period are found between its first and last day, both included")
    func sessionsDatedInAPeriod() {
        let episodes = [Fixture.episode("a", admitted: "2026-09-01"), Fixture.episode("b", admitted: "2026-09-01")]
        // b's six sessions (rows 0-5: 09-28, 09-30 twice, 10-01, 10-31, 11-01), then a's one
        // (row 6: 10-15)
        let dataset = AnalysisDataset(episodes: episodes, sessions: [
            Fixture.session("b", "2026-09-28", .attended), Fixture.session("b", "2026-09-30", .noShow),
            Fixture.session("b", "2026-09-30", .attended), Fixture.session("b", "2026-10-01", .attended),
            Fixture.session("b", "2026-10-31", .excused), Fixture.session("b", "2026-11-01", .attended),
            Fixture.session("a", "2026-10-15", .attended),
        ])
        let october = Period.month(containing: Fixture.day("2026-10-01"))
        #expect(dataset.sessionRows(ofEpisodeAt: 1) == 0..<6)
        // October holds rows 3 (its first day) and 4 (its last)
        #expect(dataset.sessionRows(ofEpisodeAt: 1, datedIn: october) == 3..<5)
        // 09-30 alone: both of its rows; 09-29 alone: none, at the row where 09-30 begins
        let september30 = Period(from: Fixture.day("2026-09-30"), to: Fixture.day("2026-09-30"))
        #expect(dataset.sessionRows(ofEpisodeAt: 1, datedIn: september30) == 1..<3)
        let september29 = Period(from: Fixture.day("2026-09-29"), to: Fixture.day("2026-09-29"))
        #expect(dataset.sessionRows(ofEpisodeAt: 1, datedIn: september29) == 1..<1)
        // before every session and after every one: empty at either end; the whole span: all six
        let august = Period.month(containing: Fixture.day("2026-08-01"))
        let december = Period.month(containing: Fixture.day("2026-12-01"))
        #expect(dataset.sessionRows(ofEpisodeAt: 1, datedIn: august) == 0..<0)
        #expect(dataset.sessionRows(ofEpisodeAt: 1, datedIn: december) == 6..<6)
        let span = Period(from: Fixture.day("2026-09-28"), to: Fixture.day("2026-11-01"))
        #expect(dataset.sessionRows(ofEpisodeAt: 1, datedIn: span) == 0..<6)
        // a's one row, and never one of b's
        #expect(dataset.sessionRows(ofEpisodeAt: 0, datedIn: october) == 6..<7)
        #expect(dataset.sessionRows(ofEpisodeAt: 0, datedIn: september30) == 6..<6)
    }

    @Test("columns read on two cores join in order, staff numbered in order of first appearance, the joined emptied")
    func columnsJoin() {
        func session(_ day: String, _ staff: String?) -> Session {
            Session(episodeID: "e", date: Fixture.day(day), type: .group, modality: nil, status: .attended,
                    scheduledMinutes: 180, staffID: staff)
        }
        var first = SessionColumns()
        first.append(session("2026-10-01", "zed"))
        var later = SessionColumns()
        for (day, staff) in [("2026-10-02", "amy"), ("2026-10-03", nil), ("2026-10-04", "zed")] {
            later.append(session(day, staff))
        }
        first.append(draining: &later)
        #expect(later.count == 0)
        // later numbered amy 0 and zed 1; joined, zed (first seen in `first`) is 0 and amy 1
        #expect((0..<4).map { first.staffID($0) } == ["zed", "amy", nil, "zed"])
        #expect((0..<4).map { first.staffNumber($0) } == [0, 1, -1, 0])
        #expect((0..<4).map { first.date($0) } == ["2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04"].map(Fixture.day))
    }

    @Test("rows read before the episodes are placed at them by store number; other numbers are unmatched")
    func unplacedRowsArePlaced() {
        // Given episodes e (store number 7) and f (3), with staff 1 = "amy" and instrument 2 = "PHQ-9"
        var builder = AnalysisDataset.Builder(episodes: [Fixture.episode("e", admitted: "2026-10-01"),
                                                         Fixture.episode("f", admitted: "2026-10-02")])
        builder.useStoreNumbers(episodes: [7, 3], staff: [1: "amy"], instruments: [2: "PHQ-9"])
        builder.append(SessionFacts(episodeNumber: 7, date: Fixture.day("2026-10-01"), type: .group, modality: nil,
                                    status: .attended, scheduledMinutes: 180, attendedMinutes: 180, staffNumber: nil))
        // And, read meanwhile by number: sessions of f and of number 99, a score of e, a goal of f
        var unplaced = AnalysisDataset.Builder(unplacedRowsWith: .builtIn, staff: [1: "amy"],
                                               instruments: [2: "PHQ-9"])
        for number: Int64 in [3, 99] {
            unplaced.append(SessionFacts(episodeNumber: number, date: Fixture.day("2026-10-05"), type: .individual,
                                         modality: nil, status: .noShow, scheduledMinutes: 60, attendedMinutes: nil,
                                         staffNumber: 1))
        }
        unplaced.append(AssessmentFacts(episodeNumber: 7, assessedOn: Fixture.day("2026-10-02"), instrumentNumber: 2,
                                        score: 14, timepoint: .intake))
        unplaced.append(GoalFacts(episodeNumber: 3, goalID: "G1", domain: nil, weight: 1, baselineLevel: -1,
                                  attainedLevel: nil, ratedOn: nil))
        // When placed
        builder.take(unplaced: unplaced)
        let dataset = builder.build()
        // Then e has its own session and the score, f the no-show with amy and the goal; 99's session is unmatched
        #expect(dataset.sessions(ofEpisodeAt: 0).map(\.status) == [.attended])
        #expect(dataset.sessions(ofEpisodeAt: 1).map(\.staffID) == ["amy"])
        let phq9 = dataset.assessmentColumns.instrumentCodes.firstIndex(of: "PHQ-9")
        #expect(ScoreSeries.read(dataset, position: 0).scores(phq9).map(\.score) == [14])
        #expect(Array(dataset.goals(ofEpisodeAt: 1)) == [GoalRating(weight: 1, baselineLevel: -1)]
                && dataset.goals(ofEpisodeAt: 0).isEmpty)
        #expect(dataset.unmatched.sessions == 1 && dataset.sessionColumns.count == 3)
    }

    @Test("scores put on their reporting scale by the thread that read them are not put on it again")
    func scoresScaledEarlyAreScaledOnce() {
        // Given episode e (store number 7) and, read by number, its WHO-5 raw total 15 (reported
        // x4: 60) and a PHQ-9 total of 30 (beyond 27: not reported)
        func dataset(scalingEarly: Bool) -> AnalysisDataset {
            var builder = AnalysisDataset.Builder(episodes: [Fixture.episode("e", admitted: "2026-10-01")])
            builder.useStoreNumbers(episodes: [7], staff: [:], instruments: [2: "PHQ-9", 3: "WHO-5"])
            var unplaced = AnalysisDataset.Builder(unplacedRowsWith: .builtIn, staff: [:],
                                                   instruments: [2: "PHQ-9", 3: "WHO-5"])
            for (instrument, total) in [(Int64(3), 15), (2, 30)] {
                unplaced.append(AssessmentFacts(episodeNumber: 7, assessedOn: Fixture.day("2026-10-02"),
                                                instrumentNumber: instrument, score: Score(total), timepoint: .intake))
            }
            if scalingEarly { unplaced.putScoresOnReportingScales() }
            builder.take(unplaced: unplaced)
            return builder.build()
        }
        // Then, scaled early or in build(), WHO-5 reads 60 (not 240) and PHQ-9's 30 is not reported
        for built in [dataset(scalingEarly: true), dataset(scalingEarly: false)] {
            let codes = built.assessmentColumns.instrumentCodes
            let series = ScoreSeries.read(built, position: 0)
            #expect(series.scores(codes.firstIndex(of: "WHO-5")).map(\.score) == [60])
            #expect(series.scores(codes.firstIndex(of: "PHQ-9")).isEmpty)
            #expect((0..<2).filter(built.assessmentColumns.isReported).count == 1)
        }
    }

    @Test("an event keeps no key of its own: it is read back with its patient's")
    func eventsReadTheirPatientsKey() {
        // Given an episode of a 64-character key, an event of the same key made from its own
        // bytes, and an event of a patient with no episode
        let key = String(repeating: "ab", count: 32)
        let copy = String(decoding: Array(key.utf8), as: UTF8.self)
        let stranger = String(repeating: "cd", count: 32)
        let dataset = AnalysisDataset(episodes: [Fixture.episode("e", patient: key, admitted: "2026-10-01")],
                                      events: [Fixture.event(copy, "2026-10-20", .edVisit),
                                               Fixture.event(stranger, "2026-10-21", .edVisit)])
        // Then the first is the patient's, read back whole; the second is unmatched
        let first = dataset.firstPatientEvent(ofEpisodeAt: 0) { _, _ in true }
        #expect(first == Fixture.event(key, "2026-10-20", .edVisit))
        #expect(dataset.patientEventDays(ofEpisodeAt: 0) { _ in true } == [Fixture.day("2026-10-20")])
        #expect(dataset.unmatched.events == 1 && dataset.eventCount == 2)
    }

    @Test("a patient's events and admissions, read without the patient's key")
    func eventsAndAdmissionsOfThePatient() {
        // Given one patient with episodes admitted 10-01 and 10-20, and events: an ED visit
        // 10-05, a crisis contact 10-10, a PHP admission 10-12, an ED visit 10-25
        let episodes = [Fixture.episode("a", patient: "p", admitted: "2026-10-01", discharged: "2026-10-15"),
                        Fixture.episode("b", patient: "p", admitted: "2026-10-20")]
        let events = [Fixture.event("p", "2026-10-25", .edVisit), Fixture.event("p", "2026-10-05", .edVisit),
                      Fixture.event("p", "2026-10-10", .crisisContact), Fixture.event("p", "2026-10-12", .phpAdmission)]
        let dataset = AnalysisDataset(episodes: episodes, events: events)
        // Then the first acute-care event after 10-05 is the crisis contact of 10-10 (events in date order)
        let after = Fixture.day("2026-10-06")
        #expect(dataset.firstPatientEvent(ofEpisodeAt: 1) { $0.isAcuteCare && $1 >= after }
                == Fixture.event("p", "2026-10-10", .crisisContact))
        // And nothing is found when no event is wanted
        #expect(dataset.firstPatientEvent(ofEpisodeAt: 0) { type, _ in type == .substanceUse } == nil)
        // And the ED visits are on 10-05 and 10-25; both episodes share them (one patient)
        let visits = ["2026-10-05", "2026-10-25"].map(Fixture.day)
        #expect(dataset.patientEventDays(ofEpisodeAt: 0) { $0 == .edVisit } == visits)
        #expect(dataset.patientEventDays(ofEpisodeAt: 1) { $0 == .edVisit } == visits)
        // And either episode's patient was admitted on 10-01 and 10-20: from episode a's discharge, the first
        // admission in 10-16...11-14 is 10-20, in 10-21...11-14 none; in 09-30...10-25, 10-01
        let (from1016, from1021) = (Fixture.day("2026-10-16"), Fixture.day("2026-10-21"))
        let end = Fixture.day("2026-11-14")
        #expect(dataset.firstPatientAdmission(ofEpisodeAt: 0, in: from1016...end) == Fixture.day("2026-10-20"))
        #expect(dataset.firstPatientAdmission(ofEpisodeAt: 0, in: from1021...end) == nil)
        let around = Fixture.day("2026-09-30")...Fixture.day("2026-10-25")
        #expect(dataset.firstPatientAdmission(ofEpisodeAt: 1, in: around) == Fixture.day("2026-10-01"))
    }

    @Test("once the patients are closed, their keys are no longer looked up")
    func closedPatientsFindNoEvents() {
        // Given an episode, an event of its patient, then the patients closed and a second event
        let key = String(repeating: "ab", count: 32)
        var builder = AnalysisDataset.Builder(episodes: [Fixture.episode("e", patient: key, admitted: "2026-10-01")])
        builder.append(Fixture.event(key, "2026-10-20", .edVisit))
        builder.closePatients()
        builder.append(Fixture.event(key, "2026-10-21", .edVisit))
        let dataset = builder.build()
        // Then the first is the patient's and the second, appended too late, is unmatched
        #expect(dataset.patientEventDays(ofEpisodeAt: 0) { _ in true } == [Fixture.day("2026-10-20")])
        #expect(dataset.unmatched.events == 1)
        // And the key is still spelled for the episode
        #expect(dataset.episodes[0].patientKey == key)
    }

    @Test("goals round-trip through the columns, in input order per episode")
    func goalRoundTrip() {
        let goals = [
            Goal(episodeID: "e", goalID: "G2", domain: "work", weight: 2.5, baselineLevel: -2, attainedLevel: 1,
                 ratedOn: Fixture.day("2026-10-20")),
            Goal(episodeID: "f", goalID: "G1", domain: nil, weight: 1, baselineLevel: -1),
            Goal(episodeID: "e", goalID: "G1", domain: "work", weight: 1, baselineLevel: -1, attainedLevel: -2,
                 ratedOn: Fixture.day("2026-10-21")),
        ]
        let dataset = AnalysisDataset(episodes: [Fixture.episode("e", admitted: "2026-10-01"),
                                                 Fixture.episode("f", admitted: "2026-10-02")], goals: goals)
        #expect(Array(dataset.goals(ofEpisodeAt: 0)) == [GoalRating(goals[0]), GoalRating(goals[2])])
        #expect(Array(dataset.goals(ofEpisodeAt: 1)) == [GoalRating(goals[1])])
        // 4 (weight) + 2 (domain) + 2 (rating day) + 1 + 1 (levels), padded to 4
        #expect(MemoryLayout<GoalColumns.Record>.stride == 12)
        #expect(dataset.goalColumns.count == 3)
    }

    @Test("a goal whose weight, domain or rating day a record cannot hold is kept aside, whole")
    func goalsKeptAside() {
        // 0.1 is not exact as a 32-bit float; 1969-12-31 is day -1 and 2150-01-01 day 65,745,
        // outside 0...65,533; 70,000 domains numbered by first use put "d65535" onwards beyond 16 bits
        var goals = [
            Goal(episodeID: "e", goalID: "a", domain: "d0", weight: 0.1, baselineLevel: -2),
            Goal(episodeID: "e", goalID: "b", weight: 1, baselineLevel: -1, attainedLevel: 0,
                 ratedOn: Fixture.day("1969-12-31")),
            Goal(episodeID: "e", goalID: "c", weight: 2, baselineLevel: 0, attainedLevel: 2,
                 ratedOn: Fixture.day("2150-01-01")),
        ]
        goals += (1..<70_000).map {
            Goal(episodeID: "e", goalID: "g\($0)", domain: "d\($0)", weight: 1.5, baselineLevel: 1)
        }
        let dataset = AnalysisDataset(episodes: [Fixture.episode("e", admitted: "2026-10-01")], goals: goals)
        #expect(Array(dataset.goals(ofEpisodeAt: 0)) == goals.map(GoalRating.init))
    }

    @Test("episode and assessment records keep their compact sizes")
    func recordSizes() {
        // 16 (identifier) + 8 x 2 (texts) + 5 x 4 (patient, days, age, weeks) + 1 + 1, padded to 8
        #expect(MemoryLayout<EpisodeTable.Record>.stride == 56)
        // 4 (units) + 2 (day) + 1 (instrument) + 1 (decimals, timepoint, marks)
        #expect(MemoryLayout<AssessmentColumns.Record>.stride == 8)
    }

    @Test("assessments keep date, instrument, total and timepoint, each instrument's in date order")
    func assessmentRoundTrip() {
        let dataset = AnalysisDataset(episodes: [Fixture.episode("e", admitted: "2026-10-01")], assessments: [
            Fixture.score("e", "2026-10-08", "GAD-7", 9), Fixture.score("e", "2026-10-15", 11),
            Fixture.score("e", "2026-10-01", 14, .intake),
        ])
        let scores = ScoreSeries.read(dataset, position: 0)
        let number = { (code: String) in dataset.assessmentColumns.instrumentCodes.firstIndex(of: code) }
        #expect(scores.scores(number("PHQ-9")).map(\.score) == [14, 11])
        #expect(scores.scores(number("PHQ-9")).map(\.day) == [Fixture.day("2026-10-01"), Fixture.day("2026-10-15")])
        #expect(scores.scores(number("PHQ-9")).map(\.timepoint) == [.intake, nil])
        #expect(scores.scores(number("GAD-7")).map(\.score) == [9])
        #expect(dataset.instrumentCodes == ["GAD-7", "PHQ-9"])
    }

    @Test("a total the registry cannot report is left out of the scores but still dates a week")
    func unreportedTotals() {
        // PHQ-9 totals run 0...27: 40 is refused; "X" is not in the registry
        let dataset = AnalysisDataset(episodes: [Fixture.episode("e", admitted: "2026-10-01")], assessments: [
            Fixture.score("e", "2026-10-02", 40), Fixture.score("e", "2026-10-03", "X", 5),
            Fixture.score("e", "2026-10-05", 12),
        ])
        let number = { (code: String) in dataset.assessmentColumns.instrumentCodes.firstIndex(of: code) }
        let scores = ScoreSeries.read(dataset, position: 0)
        #expect(scores.scores(number("PHQ-9")).map(\.score) == [12])
        #expect(scores.scores(number("X")).isEmpty)
        // The episode keeps all three rows: the reported one first, then the two unreported in date order
        let rows = dataset.assessmentRows(ofEpisodeAt: 0)
        #expect(rows.map { dataset.assessmentColumns.date($0) }
                == [Fixture.day("2026-10-05"), Fixture.day("2026-10-02"), Fixture.day("2026-10-03")])
    }

    @Test("a dataset built row by row equals one built from whole tables")
    func builder() {
        let episodes = [Fixture.episode("a", admitted: "2026-10-01"), Fixture.episode("b", admitted: "2026-10-03")]
        let sessions = [Fixture.session("b", "2026-10-04", .attended), Fixture.session("a", "2026-10-02", .noShow),
                        Fixture.session("zz", "2026-10-02", .noShow)]
        var builder = AnalysisDataset.Builder(episodes: episodes)
        for session in sessions { builder.append(session) }
        builder.append(Fixture.event("p-a", "2026-10-05", .edVisit))
        let streamed = builder.build()
        let whole = AnalysisDataset(episodes: episodes, sessions: sessions, events: [Fixture.event("p-a", "2026-10-05", .edVisit)])
        #expect(Array(streamed.sessions(ofEpisodeAt: 1)) == Array(whole.sessions(ofEpisodeAt: 1)))
        #expect(streamed.unmatched == UnmatchedRows(sessions: 1, assessments: 0, goals: 0, events: 0))
        #expect(streamed.firstPatientEvent(ofEpisodeAt: 0) { _, _ in true }?.type == .edVisit)
        let options = AnalysisOptions(period: Fixture.october)
        #expect(AnalysisJSON.encode(Analysis.analyze(streamed, options: options))
            == AnalysisJSON.encode(Analysis.analyze(whole, options: options)))
    }
}
