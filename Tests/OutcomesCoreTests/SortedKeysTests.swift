import Testing
@testable import OutcomesCore

@Suite("SortedKeys")
struct SortedKeysTests {
    /// Byte order of their UTF-8: "A" 41 < "AB" 41 42 < "ABC" < "B" 42 < "Z9" 5A 39 < "e" + U+0301
    /// 65 CC 81 < "é" (U+00E9) C3 A9 < "日" E6 97 A5.
    static let keys = ["A", "AB", "ABC", "B", "Z9", "e\u{301}", "\u{E9}", "日"]

    static func sorted() throws -> SortedKeys {
        var keys = SortedKeys()
        for key in Self.keys { try keys.append(key) }
        return keys
    }

    @Test("a key is found at its place in byte order", arguments: Array(keys.enumerated()))
    func hit(_ expected: (offset: Int, element: String)) throws {
        let keys = try Self.sorted()
        #expect(keys.position(of: expected.element) == expected.offset)
        #expect(keys[expected.offset] == expected.element)
    }

    @Test("a key that is not there is not found, prefixes and extensions of keys included",
          arguments: ["", "0", "AA", "ABCD", "Aa", "BA", "Z", "Z99", "e", "\u{E9}\u{E9}", "日本", "\u{10FFFF}"])
    func miss(_ key: String) throws {
        #expect(try Self.sorted().position(of: key) == nil)
    }

    @Test func twoSpellingsOfTheSameCharacterAreTwoKeys() throws {
        // Swift calls them equal; SQLite's BINARY collation does not, and neither does the index.
        #expect("e\u{301}" == "\u{E9}")
        let keys = try Self.sorted()
        #expect(keys.position(of: "e\u{301}") == 5)
        #expect(keys.position(of: "\u{E9}") == 6)
    }

    @Test func anEmptySetFindsNothing() {
        #expect(SortedKeys().position(of: "A") == nil)
        #expect(SortedKeys().count == 0)
    }

    @Test func aKeyOutOfOrderOrRepeatedIsRefused() throws {
        var keys = SortedKeys()
        try keys.append("B")
        #expect(throws: IndexAppendError(key: "A")) { try keys.append("A") }
        #expect(throws: IndexAppendError(key: "B")) { try keys.append("B") }
        try keys.append("BA")
        #expect(keys.count == 2)
        #expect(keys.position(of: "BA") == 1)
    }

    @Test("binaryOrder is SQLite's BINARY order: unsigned bytes, then the shorter first")
    func binaryOrderOfBytes() {
        func order(_ a: String, _ b: String) -> Int {
            Array(a.utf8).withUnsafeBufferPointer { a in Array(b.utf8).withUnsafeBufferPointer { binaryOrder(a, $0) } }
        }
        // Every neighbour pair of `keys` in order, and reversed; each with itself 0.
        for (a, b) in zip(Self.keys, Self.keys.dropFirst()) {
            #expect(order(a, b) < 0 && order(b, a) > 0)
        }
        #expect(Self.keys.allSatisfy { order($0, $0) == 0 })
        // "z" 7A < "é" C3 A9: bytes compare unsigned; "" before any text.
        #expect(order("z", "\u{E9}") < 0 && order("", "A") < 0)
        // Natural keys of one episode: 5:GAD-7 before 5:PHQ-9 (G 47 < P 50), then by date.
        #expect(order("7:E00000015:GAD-710:2025-09-05", "7:E00000015:PHQ-910:2025-09-01") < 0)
    }
}
