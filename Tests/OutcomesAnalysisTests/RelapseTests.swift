import OutcomesCore
import Testing
@testable import OutcomesAnalysis

@Suite("Relapse indicators")
struct RelapseTests {
    @Test("the newest fully elapsed discharge cohort has the shape of P", arguments: [
        ("2026-10", 30, "2026-09-01", "2026-09-30"),
        ("2026-10", 90, "2026-07-01", "2026-07-31"),
        ("2026-10", 105, "2026-06-01", "2026-06-30"),
        // March: Feb 28 + 30 = Mar 30 <= Mar 31; Dec 31 + 90 = Mar 31 <= Mar 31
        ("2026-03", 30, "2026-02-01", "2026-02-28"),
        ("2026-03", 90, "2025-12-01", "2025-12-31"),
    ])
    func elapsedCohort(month: String, days: Int, from: String, to: String) throws {
        let period = try #require(Period.month(month))
        let cohort = AnalysisWindows.newestElapsedCohort(period: period, windowDays: days)
        #expect(cohort == Period(from: Fixture.day(from), to: Fixture.day(to)))
    }

    @Test("a quarter keeps whole months; other ranges move day for day", arguments: [
        // Q4: Sep-Nov ends Nov 30, + 30 = Dec 30 <= Dec 31; Oct-Dec would not fit
        ("2026-10-01", "2026-12-31", 30, "2026-09-01", "2026-11-30"),
        // Q4, 90 days: Aug-Oct ends Oct 31, + 90 = Jan 29 > Dec 31; Jul-Sep + 90 = Dec 29: Q3
        ("2026-10-01", "2026-12-31", 90, "2026-07-01", "2026-09-30"),
        // Oct 10-24 (15 days): Sep 10-24 + 30 = Oct 24 <= Oct 24
        ("2026-10-10", "2026-10-24", 30, "2026-09-10", "2026-09-24"),
    ])
    func elapsedCohortOtherShapes(from: String, to: String, days: Int, cohortFrom: String, cohortTo: String) {
        let period = Period(from: Fixture.day(from), to: Fixture.day(to))
        let cohort = AnalysisWindows.newestElapsedCohort(period: period, windowDays: days)
        #expect(cohort == Period(from: Fixture.day(cohortFrom), to: Fixture.day(cohortTo)))
    }

    @Test("acute care and readmission on days 1-30 after September discharges")
    func postDischarge() {
        // Given September discharges (the 30-day cohort for October):
        //   a discharged Sep 10: ED visit Oct 10 (day 30)          -> acute care
        //   b discharged Sep 10: crisis contact Oct 11 (day 31)    -> not within 30
        //   c discharged Sep 10: new episode admitted Sep 10 (day 0) -> not a readmission;
        //                        another admitted Sep 25 (day 15)  -> readmission
        //   d discharged Aug 31: outside the cohort
        // Then acute care 1/3, readmission 1/3 (the Sep 25 episode is active, not discharged in September)
        let dataset = AnalysisDataset(episodes: [
            Fixture.episode("a", patient: "pa", admitted: "2026-08-01", discharged: "2026-09-10"),
            Fixture.episode("b", patient: "pb", admitted: "2026-08-01", discharged: "2026-09-10"),
            Fixture.episode("c", patient: "pc", admitted: "2026-08-01", discharged: "2026-09-10"),
            Fixture.episode("c2", patient: "pc", program: "sud", admitted: "2026-09-10", discharged: "2026-09-12"),
            Fixture.episode("c3", patient: "pc", admitted: "2026-09-25"),
            Fixture.episode("d", patient: "pd", admitted: "2026-08-01", discharged: "2026-08-31"),
        ], events: [
            Fixture.event("pa", "2026-10-10", .edVisit), Fixture.event("pb", "2026-10-11", .crisisContact),
        ])
        let context = Fixture.context(dataset)
        let result = PostDischarge(context, windowDays: 30, cohort: context.windows.postDischarge30)
        // c2 (discharged Sep 12) is also in the cohort: its patient's c3 admitted Sep 25 is day 13 -> readmission
        #expect(result.discharges == 4)
        #expect(result.withAcuteCare == 1)
        #expect(result.readmitted == 2)
        #expect(result.cohort == Period.month("2026-09"))
    }

    @Test("return to use after 14 use-free days", arguments: [
        (["2026-10-15"], true),                 // admission Oct 1: Oct 1-14 = 14 use-free days
        (["2026-10-14"], false),                // 13 use-free days
        (["2026-10-03", "2026-10-17"], false),  // Oct 4-16 = 13 days between
        (["2026-10-03", "2026-10-18"], true),   // Oct 4-17 = 14 days between
    ])
    func returnToUse(uses: [String], returned: Bool) {
        #expect(ReturnToUse.returned(admission: Fixture.day("2026-10-01"), useDays: uses.map(Fixture.day)) == returned)
    }

    @Test("return to use counts substance-use programs only")
    func returnToUsePrograms() {
        let dataset = AnalysisDataset(episodes: [
            Fixture.episode("s", patient: "ps", program: "sud", admitted: "2026-09-01", discharged: "2026-10-20"),
            Fixture.episode("m", patient: "pm", program: "adult-mh", admitted: "2026-09-01", discharged: "2026-10-20"),
        ], events: [
            Fixture.event("ps", "2026-10-01", .positiveTox), Fixture.event("pm", "2026-10-01", .substanceUse),
        ])
        var metrics = MetricSet()
        ReturnToUse(Fixture.context(dataset)).write(to: &metrics)
        #expect(metrics[MetricID.returnToUseRate] == .rate(1, 1))
    }

    @Test("step-up: discharge reason or a PHP/inpatient event from admission to discharge inclusive")
    func stepUp() {
        // a: reason step_up; b: php_admission on its discharge day; c: psych_inpatient the day after discharge
        let dataset = AnalysisDataset(episodes: [
            Fixture.episode("a", patient: "pa", admitted: "2026-09-01", discharged: "2026-10-10", reason: .stepUp),
            Fixture.episode("b", patient: "pb", admitted: "2026-09-01", discharged: "2026-10-10"),
            Fixture.episode("c", patient: "pc", admitted: "2026-09-01", discharged: "2026-10-10"),
        ], events: [
            Fixture.event("pb", "2026-10-10", .phpAdmission), Fixture.event("pc", "2026-10-11", .psychInpatient),
        ])
        let stepUp = StepUp(Fixture.context(dataset))
        #expect(stepUp.steppedUpEpisodeIDs == ["a", "b"])
        #expect(stepUp.discharges == 3)
    }

    @Test("symptom relapse after response, from the lowest score so far", arguments: [
        // PHQ-9 baseline 20 (a case), threshold 6, response <= 10, remission < 5
        ([9, 15] as [Score], SymptomRelapse.Course.relapsed), // responded at 9; 15 is a case and 9 + 6
        ([9, 14], .reached),                           // rise of 5 only
        ([12, 18], .neverReached),                     // 12 > 10: never responded
        ([4, 9, 11], .relapsed),                       // remitted at 4; 11 is a case and 7 above the lowest (4)
        ([4, 9], .reached),                            // 9 is 5 above the lowest and not a case
        ([12, 10, 16], .relapsed),                     // responded at 10 (<= 50% of 20); 16 = 10 + 6
    ])
    func symptomRelapse(later: [Score], expected: SymptomRelapse.Course) throws {
        let threshold = try #require(ReliableChange.published(BuiltInInstruments.phq9))
        let course = SymptomRelapse.course(BuiltInInstruments.phq9, baseline: 20, later: later, threshold)
        #expect(course == expected)
    }
}
