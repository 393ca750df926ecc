import Testing
@testable import OutcomesCore

/// The one period-shift rule (issue 13, item 4): whole calendar months stay whole months,
/// any other range moves day for day.
@Suite("Period: previous period and shifts")
struct PeriodShiftTests {
    static func period(_ from: String, _ to: String) -> Period {
        Period(from: Day(iso: from)!, to: Day(iso: to)!)
    }

    @Test("the previous period has the same shape", arguments: [
        // a month: October 2026 -> September 2026
        ("2026-10-01", "2026-10-31", "2026-09-01", "2026-09-30"),
        // a month after a longer one: March 2026 -> February 2026 (28 days)
        ("2026-03-01", "2026-03-31", "2026-02-01", "2026-02-28"),
        // a quarter: Q1 2026 -> Q4 2025 (not 2025-10-03 to 2025-12-31, 90 days back)
        ("2026-01-01", "2026-03-31", "2025-10-01", "2025-12-31"),
        // a year: Nov 2025-Oct 2026 -> Nov 2024-Oct 2025
        ("2025-11-01", "2026-10-31", "2024-11-01", "2025-10-31"),
        // any other range: 10 days (Oct 5-14) -> the 10 days before (Sep 25 - Oct 4)
        ("2026-10-05", "2026-10-14", "2026-09-25", "2026-10-04"),
    ])
    func previous(_ from: String, _ to: String, _ previousFrom: String, _ previousTo: String) {
        #expect(Self.period(from, to).previous == Self.period(previousFrom, previousTo))
    }

    @Test func shiftsKeepMonthBoundariesOrLength() {
        // Q4 2026 one month back: September to November (November ends on the 30th)
        #expect(Self.period("2026-10-01", "2026-12-31").shifted(months: -1) == Self.period("2026-09-01", "2026-11-30"))
        // A 10-day range moves by a month and keeps 10 days: Oct 5-14 -> Sep 5-14
        #expect(Self.period("2026-10-05", "2026-10-14").shifted(months: -1) == Self.period("2026-09-05", "2026-09-14"))
        // January 31 ends a whole month: January -> February, to its last day (2026 is not a leap year)
        #expect(Self.period("2026-01-01", "2026-01-31").shifted(months: 1) == Self.period("2026-02-01", "2026-02-28"))
        #expect(Self.period("2026-01-01", "2026-03-31").monthCount == 3)
    }
}
