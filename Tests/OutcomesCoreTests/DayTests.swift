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

    @Test("every byte at every digit's place: a digit reads as its value, anything else is nil")
    func everyByteAtEveryPlace() {
        // Given 2026-10-13 with one digit's byte replaced by each of the 256 byte values
        let date = Array("2026-10-13".utf8)
        for place in [0, 1, 2, 3, 5, 6, 8, 9] {
            for value in UInt8.min...UInt8.max {
                var bytes = date
                bytes[place] = value
                let parsed = bytes.withUnsafeBufferPointer { Day(isoUTF8: $0) }
                guard (48...57).contains(value) else {
                    #expect(parsed == nil, "byte \(value) at \(place)")
                    continue
                }
                // Then a digit gives the date its fields spell (month 00, 20-90, day 00, 43 and so on: nil)
                let fields = String(decoding: bytes, as: UTF8.self).split(separator: "-").map { Int($0)! }
                #expect(parsed == Day(year: fields[0], month: fields[1], day: fields[2]), "byte \(value) at \(place)")
            }
        }
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
