import OutcomesCore
import Testing
@testable import OutcomesAnalysis

/// The OWASP CSV injection rule in every CSV encoder: text from input that starts with `=`, `+`,
/// `-`, `@`, a tab or a carriage return gets a leading `'`; numbers the tool computes stay numbers.
@Suite("CSV injection")
struct CSVInjectionTests {
    @Test("Issue 8.5: names from input are neutralised, computed numbers such as -0.25 are not")
    func namesAreNeutralisedAndNumbersStay() {
        // Given program and site names that a spreadsheet would run as formulas, and a negative mean
        var metrics = MetricSet()
        metrics.set("outcomes.PHQ-9.mean_change", .statistic(value: -0.25, n: 4, ciLow: nil, ciHigh: nil))
        let key = CohortKey([.init(.program, "-2"), .init(.site, "=1+1")])
        let other = CohortKey([.init(.program, "@SUM(1)"), .init(.site, "+cmd|' /C calc'!A0")])

        // When they are written as the analysis CSV
        let csv = AnalysisCSV.encode(dimensions: [.program, .site], cohorts: [(key, metrics), (other, metrics)])

        // Then each name starts with a quote mark and the computed -0.25 is written as is
        #expect(csv == [
            "program,site,metric,value,num,den,n,ci_low,ci_high",
            "'-2,'=1+1,outcomes.PHQ-9.mean_change,-0.25,,,4,,",
            "'@SUM(1),'+cmd|' /C calc'!A0,outcomes.PHQ-9.mean_change,-0.25,,,4,,",
        ].joined(separator: "\r\n") + "\r\n")
    }

    @Test("Issue 8.5: trend and detail-table CSVs follow the same rule")
    func trendAndDetailTables() {
        // Given a trend of a program named "=1+1" and a goals table with a domain named "\tx"
        let trend = MetricTrend(key: CohortKey([.init(.program, "=1+1")]), metric: MetricID.attendanceRate,
                                points: [TrendPoint(period: Fixture.october, value: .rate(3, 4))])
        let columns = ["domain", "rated_goals", "mean_level", "at_or_above_expected"]
        let table = DetailTable.goalsByDomain.csv(columns: columns, rows: [["\tx", "4", "-0.25", "1"]])

        // Then the names are prefixed and the numbers are not
        #expect(TrendCSV.encode([trend], dimensions: [.program]) == [
            "program,metric,month,value,num,den,n,ci_low,ci_high",
            "'=1+1,engagement.attendance_rate,2026-10,0.75,3,4,,,",
        ].joined(separator: "\r\n") + "\r\n")
        #expect(table == "domain,rated_goals,mean_level,at_or_above_expected\r\n'\tx,4,-0.25,1\r\n")
    }
}
