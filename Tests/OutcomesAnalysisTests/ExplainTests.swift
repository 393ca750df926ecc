import OutcomesCore
import Testing
@testable import OutcomesAnalysis

/// `explain` on seven hand-built episodes: each family's members, numerator and left-out episodes
/// written out by hand below, and compared with what the registry lists.
@Suite("Explain: the episodes behind a metric")
struct ExplainTests {
    /// October 2026. Admitted 2026-09-01 and discharged 2026-10-20 unless said:
    ///   a  adult-mh, completed.  PHQ-9 09-01: 20, 10-15: 8 (change -12: improvement; case -> not a case;
    ///      response, 8 <= 10; no remission); GAD-7 09-01: 15, 10-15: 5 (both pairs: combined improved,
    ///      recovered). Sessions 10-01 attended, 10-03 no_show, 10-05 cancelled_program. Goals 0 and +1 (T 56.2).
    ///   b  adult-mh, ama (stay 49 days). PHQ-9 09-02: 15, 10-18: 12 (-3: no reliable change; case -> case;
    ///      never responds). Sessions 10-02 late, 10-04 cancelled_patient. Goal -1 (T 40).
    ///      A psych_inpatient event on 10-05 (during the stay: step-up).
    ///   c  adult-mh, completed. PHQ-9 09-01: 7, 10-10: 14 (+7: deterioration; not a case at baseline).
    ///      Session 10-07 cancelled_program only. One unrated goal.
    ///   d  sud, lost_to_contact. PHQ-9 only 10-15: 10 (no baseline: no outcome pair).
    ///      A substance_use event 09-20 (19 use-free days: return to use).
    ///   e  adult-mh, step_up. No score.
    ///   f  adult-mh, admitted 10-05, active. Sessions 10-06 attended, 10-08 excused, 10-13, 10-14 and
    ///      10-15 attended (3 h each).
    ///   g  sud, admitted 10-10, discharged 10-20 ama (stay 10 days: early dropout). No score.
    static let dataset = AnalysisDataset(
        episodes: [
            Fixture.episode("a", admitted: "2026-09-01", discharged: "2026-10-20", reason: .completed),
            Fixture.episode("b", admitted: "2026-09-01", discharged: "2026-10-20", reason: .ama),
            Fixture.episode("c", admitted: "2026-09-01", discharged: "2026-10-20", reason: .completed),
            Fixture.episode("d", program: "sud", admitted: "2026-09-01", discharged: "2026-10-20", reason: .lostToContact),
            Fixture.episode("e", admitted: "2026-09-01", discharged: "2026-10-20", reason: .stepUp),
            Fixture.episode("f", admitted: "2026-10-05"),
            Fixture.episode("g", program: "sud", admitted: "2026-10-10", discharged: "2026-10-20", reason: .ama),
        ],
        sessions: [
            Fixture.session("a", "2026-10-01", .attended), Fixture.session("a", "2026-10-03", .noShow),
            Fixture.session("a", "2026-10-05", .cancelledProgram),
            Fixture.session("b", "2026-10-02", .late), Fixture.session("b", "2026-10-04", .cancelledPatient),
            Fixture.session("c", "2026-10-07", .cancelledProgram),
            Fixture.session("f", "2026-10-06", .attended), Fixture.session("f", "2026-10-08", .excused),
            Fixture.session("f", "2026-10-13", .attended), Fixture.session("f", "2026-10-14", .attended),
            Fixture.session("f", "2026-10-15", .attended),
        ],
        assessments: [
            Fixture.score("a", "2026-09-01", 20), Fixture.score("a", "2026-10-15", 8),
            Fixture.score("a", "2026-09-01", "GAD-7", 15), Fixture.score("a", "2026-10-15", "GAD-7", 5),
            Fixture.score("b", "2026-09-02", 15), Fixture.score("b", "2026-10-18", 12),
            Fixture.score("c", "2026-09-01", 7), Fixture.score("c", "2026-10-10", 14),
            Fixture.score("d", "2026-10-15", 10),
        ],
        goals: [
            Goal(episodeID: "a", goalID: "1", attainedLevel: 0), Goal(episodeID: "a", goalID: "2", attainedLevel: 1),
            Goal(episodeID: "b", goalID: "1", attainedLevel: -1), Goal(episodeID: "c", goalID: "1"),
        ],
        events: [
            Fixture.event("p-b", "2026-10-05", .psychInpatient), Fixture.event("p-d", "2026-09-20", .substanceUse),
        ])

    /// What explain lists for one metric: members as (episode, numerator, denominator), left-out
    /// episodes as (episode, reason).
    struct Expected: Sendable, CustomTestStringConvertible {
        var metric: String
        var members: [String: (num: Int, den: Int)]
        var excluded: [String: String]
        var testDescription: String { metric }
    }

    static let cases: [Expected] = [
        // census: admitted in October: f, g
        Expected(metric: MetricID.admissions, members: ["f": (0, 1), "g": (0, 1)], excluded: [:]),
        // engagement: scheduled = all but cancelled_program; a 1 of 2, b 1 of 2 (late), f 4 of 5 (excused is scheduled)
        Expected(metric: MetricID.attendanceRate, members: ["a": (1, 2), "b": (1, 2), "f": (4, 5)],
                 excluded: ["c": "no_scheduled_session", "d": "no_scheduled_session", "e": "no_scheduled_session",
                            "g": "no_scheduled_session"]),
        Expected(metric: MetricID.completionRate,
                 members: ["a": (1, 1), "b": (0, 1), "c": (1, 1), "d": (0, 1), "e": (0, 1), "g": (0, 1)], excluded: [:]),
        Expected(metric: MetricID.earlyDropoutRate,
                 members: ["a": (0, 1), "b": (0, 1), "c": (0, 1), "d": (0, 1), "e": (0, 1), "g": (1, 1)], excluded: [:]),
        // first session: admissions in October; f's first attended session 10-06, g has none
        Expected(metric: MetricID.daysToFirstSessionMedian, members: ["f": (0, 1)], excluded: ["g": "no_attended_session"]),
        // disengagement: f alone is active at the end; its latest sessions were attended
        Expected(metric: MetricID.disengagedRate, members: ["f": (0, 1)], excluded: [:]),
        // retention: every admission of the 12 months ending with October, one unit each
        Expected(metric: MetricID.retentionMedian,
                 members: ["a": (0, 1), "b": (0, 1), "c": (0, 1), "d": (0, 1), "e": (0, 1), "f": (0, 1), "g": (0, 1)],
                 excluded: [:]),
        // episode-weeks: 7-day blocks from admission whose last day falls in October, complete before discharge.
        //   a-e (from 09-01): weeks ending 10-05, 10-12, 10-19 complete; 10-26 is after the 10-20 discharge: partial.
        //   f (from 10-05, active): weeks ending 10-11, 10-18, 10-25; 10-13..10-15 give 9 h in the second: adequate.
        //   g (10-10 to 10-20): the week ending 10-16 complete, 10-23 partial.
        Expected(metric: MetricID.doseAdequacyRate,
                 members: ["a": (0, 3), "b": (0, 3), "c": (0, 3), "d": (0, 3), "e": (0, 3), "f": (1, 3), "g": (0, 1)],
                 excluded: [:]),
        Expected(metric: MetricID.partialWeeksExcluded,
                 members: ["a": (0, 1), "b": (0, 1), "c": (0, 1), "d": (0, 1), "e": (0, 1), "g": (0, 1)], excluded: [:]),
        // weekly measurement: a (10-15), b (10-18), c (10-10), d (10-15) have a score in one complete week
        Expected(metric: MetricID.weeklyMeasurementRate,
                 members: ["a": (1, 3), "b": (1, 3), "c": (1, 3), "d": (1, 3), "e": (0, 3), "f": (0, 3), "g": (0, 1)],
                 excluded: [:]),
        // fidelity: a baseline within 14 days of admission: a, b, c
        Expected(metric: MetricID.baselineRate,
                 members: ["a": (1, 1), "b": (1, 1), "c": (1, 1), "d": (0, 1), "e": (0, 1), "g": (0, 1)], excluded: [:]),
        // outcomes: pairs a, b, c; a improved; d scored without a pair; e and g have no PHQ-9 score
        Expected(metric: "outcomes.PHQ-9.reliable_improvement_rate", members: ["a": (1, 1), "b": (0, 1), "c": (0, 1)],
                 excluded: ["d": "no_outcome_pair", "e": "no_score_on_instrument", "g": "no_score_on_instrument"]),
        // recovery: cases at baseline a (20) and b (15); a is not a case at final
        Expected(metric: "outcomes.PHQ-9.recovery_rate", members: ["a": (1, 1), "b": (0, 1)],
                 excluded: ["c": "not_a_case_at_baseline", "d": "no_outcome_pair", "e": "no_score_on_instrument",
                            "g": "no_score_on_instrument"]),
        // combined: a alone has both pairs; a case at baseline, below both cutoffs at final, reliably improved
        Expected(metric: "outcomes.combined.reliable_recovery_rate", members: ["a": (1, 1)], excluded: [:]),
        // post-discharge: October's 30-day windows have not elapsed; the followed cohort (September) is empty
        Expected(metric: MetricID.acuteCare30Rate, members: [:],
                 excluded: ["a": "window_not_elapsed", "b": "window_not_elapsed", "c": "window_not_elapsed",
                            "d": "window_not_elapsed", "e": "window_not_elapsed", "g": "window_not_elapsed"]),
        // goals: T 56.2 (a) and 40 (b); c has only an unrated goal, d, e and g none
        Expected(metric: MetricID.goalsT50Rate, members: ["a": (1, 1), "b": (0, 1)],
                 excluded: ["c": "no_rated_goal", "d": "no_rated_goal", "e": "no_rated_goal", "g": "no_rated_goal"]),
        // relapse: step-up by reason (e) or an inpatient event during the stay (b)
        Expected(metric: MetricID.stepUpRate,
                 members: ["a": (0, 1), "b": (1, 1), "c": (0, 1), "d": (0, 1), "e": (1, 1), "g": (0, 1)], excluded: [:]),
        Expected(metric: MetricID.returnToUseRate, members: ["d": (1, 1), "g": (0, 1)],
                 excluded: ["a": "not_a_substance_use_program", "b": "not_a_substance_use_program",
                            "c": "not_a_substance_use_program", "e": "not_a_substance_use_program"]),
        // symptom relapse: a reached response and did not relapse; b never reached it; c was not a case
        Expected(metric: "relapse.PHQ-9.symptom_relapse_rate", members: ["a": (0, 1)],
                 excluded: ["b": "no_response_or_remission", "c": "not_a_case_at_baseline"]),
    ]

    @Test("members, numerators and reasons are exactly the hand-written ones", arguments: cases)
    func explainedMembers(_ expected: Expected) throws {
        let options = AnalysisOptions(period: Fixture.october)
        let explanation = try #require(Analysis.explain(Self.dataset, options: options, metric: expected.metric))
        let members = explanation.members.map(\.contribution)
        #expect(Set(members.map(\.episodeID)) == Set(expected.members.keys))
        for member in members {
            let want = expected.members[member.episodeID]
            #expect(member.numerator == want?.num && member.denominator == want?.den, "\(member.episodeID)")
        }
        let excluded = Dictionary(uniqueKeysWithValues: explanation.excluded.map { ($0.contribution.episodeID, $0.contribution.exclusion ?? "") })
        #expect(excluded == expected.excluded)
        // and the figure analyze prints has the same counts
        let num = expected.members.values.reduce(0) { $0 + $1.num }
        let den = expected.members.values.reduce(0) { $0 + $1.den }
        switch explanation.value {
        case .proportion(_, let n, let d): #expect(n == num && d == den)
        case .statistic(_, let n, _, _): #expect(n == den)
        }
        #expect(explanation.rows.allSatisfy { $0.patientKey == "p-\($0.contribution.episodeID)" })
    }

    @Test("the outcome rows carry the values that decided them")
    func decidingValues() throws {
        let explanation = try #require(Analysis.explain(Self.dataset, options: AnalysisOptions(period: Fixture.october),
                                                        metric: "outcomes.PHQ-9.reliable_improvement_rate"))
        let a = try #require(explanation.rows.first { $0.contribution.episodeID == "a" })
        let values = Dictionary(uniqueKeysWithValues: a.contribution.values.map { ($0.name, $0.text) })
        #expect(values["baseline_date"] == "2026-09-01" && values["baseline_score"] == "20")
        #expect(values["final_date"] == "2026-10-15" && values["final_score"] == "8")
        #expect(values["change"] == "-12" && values["threshold"] == "6" && values["category"] == "improvement")
        #expect(values["case_at_baseline"] == "true" && values["case_at_final"] == "false")
        // clinical significance: a improved reliably from a case to not a case: recovered; b did not
        // change reliably; c worsened reliably from not a case (7) to a case (14): harmed
        let significance = Dictionary(uniqueKeysWithValues: explanation.rows.map { row in
            (row.contribution.episodeID, row.contribution.values.first { $0.name == "clinical_significance" }?.text ?? "")
        })
        #expect(significance == ["a": "recovered", "b": "unchanged", "c": "harmed", "d": "", "e": "", "g": ""])
    }

    @Test("a cohort is explained over its own members; an unknown metric or cohort gives nothing")
    func cohorts() throws {
        let options = AnalysisOptions(period: Fixture.october)
        let sud = CohortKey([.init(.program, "sud")])
        let completion = try #require(Analysis.explain(Self.dataset, options: options, metric: MetricID.completionRate, cohort: sud))
        #expect(completion.members.map(\.contribution.episodeID) == ["d", "g"])
        #expect(completion.value == .rate(0, 2))
        #expect(Analysis.explain(Self.dataset, options: options, metric: "no.such.metric") == nil)
        #expect(Analysis.explain(Self.dataset, options: options, metric: MetricID.completionRate,
                                 cohort: CohortKey([.init(.program, "none")])) == nil)
    }

    @Test("the table is stamped as protected health information; CSV keeps numbers as numbers")
    func outputs() throws {
        let explanation = try #require(Analysis.explain(Self.dataset, options: AnalysisOptions(period: Fixture.october),
                                                        metric: "outcomes.PHQ-9.reliable_improvement_rate"))
        let table = ExplanationText.table(explanation)
        #expect(table.hasPrefix(ExplanationText.phiStamp))
        #expect(table.contains("33.3%     (1/3)"))
        let csv = ExplanationText.csv(explanation).split(separator: "\r\n")
        #expect(csv[0].hasPrefix("patient_key,episode_id,in_denominator,in_numerator,numerator,denominator,excluded_reason,baseline_date"))
        #expect(csv[1] == "p-a,a,true,true,1,1,,2026-09-01,20,2026-10-15,8,-12,6,improvement,recovered,true,false")
        #expect(csv.count == 1 + 6)
        #expect(ExplanationText.json(explanation).contains(#""value": {"value": 0.3333333333333333, "num": 1, "den": 3}"#))
    }
}
