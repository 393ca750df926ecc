import Testing
@testable import OutcomesStore

@Suite("EpisodeNumberSet")
struct EpisodeNumberSetTests {
    @Test func aNumberIsNewOnlyTheFirstTime() {
        var set = EpisodeNumberSet()
        // 0 and 63 share the first 64-bit word, 64 starts the second; 1 << 27 is the first number
        // kept outside the bits, -1 is never a bit.
        let numbers: [Int64] = [1, 0, 63, 64, 1_000_000, EpisodeNumberSet.bitLimit - 1, EpisodeNumberSet.bitLimit, -1]
        #expect(numbers.map { set.insert($0) } == Array(repeating: true, count: numbers.count))
        #expect(numbers.map { set.insert($0) } == Array(repeating: false, count: numbers.count))
        // Neighbours of those set are not in the set.
        #expect([2, 62, 65, 999_999, 1_000_001, EpisodeNumberSet.bitLimit + 1, -2].map { set.insert($0) }
                == Array(repeating: true, count: 7))
    }
}
