@testable import OutcomesReports
import Testing

/// How reports write counts and changes.
@Suite("report number formats")
struct FormatTests {
    @Test func changesOfCountsAreGroupedLikeTheCounts() {
        // September 14,192 discharges, October 15,291: +1,099, written as 15,291 is.
        #expect(Format.signed(15_291 - 14_192, digits: 0) == "+1,099")
        #expect(Format.signed(23_105 - 23_704, digits: 0) == "−599")
        #expect(Format.signed(-1_234_567, digits: 0) == "−1,234,567")
        #expect(Format.signed(0, digits: 0) == "0")
        #expect(Format.signed(-0.4, digits: 0) == "0")
    }

    @Test func numbersBelowZeroTakeATrueMinusSign() {
        // A confidence interval of a mean change: 14.7 → 9.0, CI −5.7 to −5.6, as the charts write it.
        #expect(Format.number(-5.7) == "−5.7" && Format.number(14.7) == "14.7")
        #expect(Format.number(-0.04) == "0.0")
        #expect(Format.percent(-0.032) == "−3.2%")
        #expect(Format.count(-1234) == "−1,234")
    }

    @Test func countsInWords() {
        #expect([1, 2, 3, 1200].map(Format.times) == ["once", "twice", "3 times", "1,200 times"])
        #expect([0, 1, 4].map { Format.counted($0, "crossing") } == ["0 crossings", "1 crossing", "4 crossings"])
    }

    @Test func changesWithDecimalsKeepTheirDigitsAndSign() {
        #expect(Format.signed(0.3) == "+0.3")
        #expect(Format.signed(-2) == "−2.0")
        #expect(Format.signed(0.04) == "0.0")
        #expect(Format.signed(-0.04) == "0.0")
        #expect(Format.signed(-0.0047, digits: 2) == "0.00")
    }
}
