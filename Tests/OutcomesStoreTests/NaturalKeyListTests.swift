import Testing
@testable import OutcomesStore

/// The natural keys beside each pack (`NaturalKeyList`): front-coded, read back exactly, and
/// anything it did not write refused.
@Suite("Natural key lists: front-coded keys in pack order")
struct NaturalKeyListTests {
    func decoded(_ bytes: [UInt8], limit: Int = .max) throws -> [String]? {
        try bytes.withUnsafeBytes { try NaturalKeyList.decode($0, limit: limit) }
    }

    @Test func keysSharingAPrefixTakeTheirDifferenceOnly() throws {
        let keys = ["2:id9:S00000001", "2:id9:S00000002", "2:id9:S00000010"]
        let bytes = NaturalKeyList.encode(keys)
        // Version 1; then the first key whole (0 shared, 15 bytes); the second shares 14 bytes and
        // adds "2"; the third shares 13 and adds "10": 1 + (1 + 1 + 15) + (1 + 1 + 1) + (1 + 1 + 2) = 25
        #expect(bytes.count == 25)
        #expect(Array(bytes[0...2]) == [1, 0, 15])
        #expect(Array(bytes[18...]) == [14, 1, UInt8(ascii: "2"), 13, 2, UInt8(ascii: "1"), UInt8(ascii: "0")])
        #expect(try decoded(bytes) == keys)
        // More keys than a limit of 2: none
        #expect(try decoded(bytes, limit: 2) == nil && decoded(bytes, limit: 3) == keys)
    }

    @Test func anyKeysRoundTrip() throws {
        let lists: [[String]] = [
            [], [""], ["", "a", ""], ["abc", "ab", "abcd", "b"],
            ["3:E\u{E9}1", "3:E\u{E9}2", "4:\u{1F600}", "1:\u{0}"],
            [String(repeating: "x", count: 300), String(repeating: "x", count: 299) + "y"],
        ]
        for keys in lists { #expect(try decoded(NaturalKeyList.encode(keys)) == keys, "\(keys)") }
    }

    @Test func bytesItDidNotWriteAreRefused() throws {
        // Another version; a key sharing more than the previous key has; a key cut short
        for bytes: [UInt8] in [[2], [1, 1, 0], [1, 0, 1, 65, 2, 0], [1, 0, 3, 65]] {
            #expect(throws: MalformedPack.self, "\(bytes)") { try decoded(bytes) }
        }
        #expect(try decoded([1]) == [])
    }
}
