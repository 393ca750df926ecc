import OutcomesCore
import Testing
@testable import OutcomesAnalysis

@Suite("Census")
struct CensusTests {
    // Given, for October (31 days):
    //   A admitted Sep 20, active:                    Oct 1..31 = 31 patient-days, active at end
    //   B admitted Oct 10, discharged Oct 12 (ama):   Oct 10, 11, 12 = 3 (both ends), LOS 2
    //   C admitted Oct 30, discharged Nov 5:          Oct 30, 31 = 2, active at end
    //   D admitted Sep 1, discharged Sep 30:          0
    //   E admitted Oct 1, discharged Oct 31:          31, LOS 30, discharged (not active at end)
    // Then admissions B, C, E = 3; discharges B, E = 2; active at end A, C = 2; patient-days 67;
    // LOS median (2 + 30) / 2 = 16
    let dataset = AnalysisDataset(episodes: [
        Fixture.episode("A", admitted: "2026-09-20"),
        Fixture.episode("B", admitted: "2026-10-10", discharged: "2026-10-12", reason: .ama),
        Fixture.episode("C", admitted: "2026-10-30", discharged: "2026-11-05"),
        Fixture.episode("D", admitted: "2026-09-01", discharged: "2026-09-30"),
        Fixture.episode("E", admitted: "2026-10-01", discharged: "2026-10-31"),
    ])

    @Test func patientDaysCountBothEnds() {
        let census = CensusResult(Fixture.context(dataset))
        #expect(census.admissions == 3)
        #expect(census.discharges == 2)
        #expect(census.activeAtEnd == 2)
        #expect(census.patientDays == 67)
        #expect(census.lengthsOfStay == [2, 30])
        #expect(census.losMedian == 16)
        #expect(census.dischargeReasons.first { $0.category == .ama }?.count == 1)
        #expect(census.dischargeReasons.first { $0.category == .completed }?.count == 1)
    }

    @Test("an empty period has counts of zero and undefined rates")
    func emptyPeriod() throws {
        // Given the same episodes and March 2020: nothing happened
        let period = try #require(Period.month("2020-03"))
        let result = Analysis.analyze(dataset, options: AnalysisOptions(period: period))
        let metrics = try #require(result.overall?.metrics)
        #expect(metrics[MetricID.admissions] == .count(0))
        #expect(metrics[MetricID.patientDays] == .count(0))
        #expect(metrics[MetricID.losMedian] == .statistic(value: nil, n: 0))
        #expect(metrics[MetricID.attendanceRate] == .proportion(value: nil, num: 0, den: 0))
        #expect(metrics[MetricID.completionRate]?.value == nil)
        #expect(metrics[MetricID.retentionMedian]?.value == nil)
    }

    @Test func emptyDataset() throws {
        let result = Analysis.analyze(AnalysisDataset(episodes: []), options: AnalysisOptions(period: Fixture.october),
                                      by: [.program])
        #expect(result.cohorts.count == 1)
        #expect(result.overall?.metrics[MetricID.dropoutRate] == .proportion(value: nil, num: 0, den: 0))
    }
}

@Suite("A period with nothing recorded")
struct EmptyPeriodTests {
    /// E1 admitted 2026-09-01 and never discharged, one session on 2026-09-02; E2 admitted and
    /// discharged in 2026-07 without a session.
    static let dataset = AnalysisDataset(
        episodes: [Fixture.episode("E1", admitted: "2026-09-01"),
                   Fixture.episode("E2", admitted: "2026-07-01", discharged: "2026-07-20")],
        sessions: [Fixture.session("E1", "2026-09-02", .attended)])

    @Test(arguments: [
        ("2026-09", false),  // E1 admitted, a session
        ("2026-07", false),  // E2 admitted and discharged, no session
        ("2026-10", true),   // E1 still open (active at the end), but nothing recorded
        ("2030-01", true),   // after the data
        ("2019-01", true),   // before it
    ])
    func nothingRecordedMeansNoAdmissionDischargeOrSession(month: String, empty: Bool) throws {
        let period = try #require(Period.month(month))
        let result = Analysis.analyze(Self.dataset, options: AnalysisOptions(period: period))
        #expect(result.nothingRecordedInPeriod == empty)
    }
}
