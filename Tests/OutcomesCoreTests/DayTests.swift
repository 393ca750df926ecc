import Testing
@testable import OutcomesCore

@Suite("Day")
struct DayTests {
    @Test("ISO dates round-trip and reject impossible dates", arguments: ["2026-10-03", "2024-02-29", "1970-01-01", "1969-12-31"])
    func roundTrip(_ text: String) throws {
        let day = try #require(Day(iso: text))
        #expect(day.description == text)
    }

    @Test("impossible or malformed dates are nil", arguments: ["2026-02-29", "2026-13-01", "2026-1-01", "10/03/2026", ""])
    func invalid(_ text: String) {
        #expect(Day(iso: text) == nil)
    }

    @Test func arithmetic() throws {
        let day = try #require(Day(iso: "2026-01-31"))
        #expect(day.adding(months: 1).description == "2026-02-28")
        #expect(day.adding(days: 1).description == "2026-02-01")
        #expect(Day(iso: "1970-01-02")?.ordinal == 1)
        #expect(day.endOfMonth == day)
        #expect(Period.month("2026-10")!.trailingMonths(3).map(\.from.description) == ["2026-08-01", "2026-09-01", "2026-10-01"])
    }
}
