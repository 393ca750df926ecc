import Testing
@testable import OutcomesCore

@Suite("Exact scores")
struct ScoreTests {
    @Test("text reads exactly", arguments: [
        ("20.3", 203, 1), ("-5", -5, 0), ("3.0", 3, 0), ("20.30", 203, 1), (".5", 5, 1), ("+7.25", 725, 2),
        ("1000000000000", 1_000_000_000_000, 0), ("-0.000001", -1, 6),
    ])
    func parses(text: String, units: Int64, decimals: Int) throws {
        let score = try #require(Score(text))
        #expect(score.units == units && score.decimals == decimals)
    }

    @Test("text that is no score, or is beyond the bounds, is nil", arguments: [
        "", "-", ".", "1e3", "1.2.3", "12a", "99999999999999999999", "-9223372036854775808", "1000000000001",
        "0.0000001", " 1",
    ])
    func refuses(text: String) {
        #expect(Score(text) == nil)
    }

    @Test("comparisons are exact at the boundary where Double is not")
    func exactBoundary() throws {
        let (baseline, final) = (try #require(Score("8.2")), try #require(Score("2.2")))
        // In Double: 8.2 - 2.2 = 5.999999999999999 < 6
        #expect(8.2 - 2.2 < 6.0)
        // Exactly: 82 - 22 = 60 tenths = 6
        #expect(baseline - final == 6)
        #expect(baseline - final >= 6)
        #expect(Score("20.30") == Score("20.3") && Score("20.30")?.hashValue == Score("20.3")?.hashValue)
    }

    @Test("scores with the same decimals compare by their units, signs and extremes included")
    func sameDecimalsOrder() throws {
        // 10^18 units at 6 decimals are the widest scores each way
        let highest = try #require(Score(units: 1_000_000_000_000_000_000, decimals: 6))
        let lowest = try #require(Score(units: -1_000_000_000_000_000_000, decimals: 6))
        #expect(lowest < highest && !(highest < lowest) && highest == highest && lowest != highest)
        #expect(Score(-3) < Score(2) && Score(2) > Score(-3) && !(Score(2) < Score(2)))
        // Different decimals still compare at the larger: 2.5 < 2.51 (250 < 251 hundredths), 2.50 = 2.5
        #expect(try #require(Score("2.5")) < #require(Score("2.51")))
        #expect(try #require(Score("2.50")) == #require(Score("2.5")))
        #expect(try #require(Score("-0.000001")) < Score(0))
    }

    @Test("a product is compared exactly: 7.5 is at most 50% of 15, 7.6 is not")
    func products() throws {
        let half = try #require(Score("0.5"))
        #expect(try #require(Score("7.5")).order(toProductOf: half, 15) == 0)
        #expect(try #require(Score("7.6")).order(toProductOf: half, 15) == 1)
        #expect(Score(13) * 4 == 52)
    }

    @Test("item values are a range or a short list, never an expanded array")
    func itemValues() throws {
        let tenths = ItemValues(0...10, step: try #require(Score("0.1")))
        let (inside, between) = (try #require(Score("9.9")), try #require(Score("9.95")))
        // 0, 0.1, ..., 10: 101 values
        #expect(tenths.count == 101 && tenths.contains(inside) && !tenths.contains(between))
        #expect(ItemValues([0, 2, 4]) == ItemValues(0...4, step: 2) && ItemValues([0, 1, 2, 3]) == ItemValues(0...3))
        #expect(ItemValues([0, 2, 4]).description == "0, 2, 4" && ItemValues(0...3).description == "0-3")
        #expect(tenths.description == "0-10 in steps of 0.1")
        #expect(ItemValues([0, 1, 5]).largest(atMost: 4) == 1 && ItemValues([0, 1, 5]).smallest(above: 1) == 5)
    }
}
