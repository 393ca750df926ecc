import Testing
import OutcomesCore

/// Byte sequences given positions in order of first appearance, found again by their bytes.
@Suite("Byte spellings")
struct ByteSpellingsTests {
    func position(_ bytes: [UInt8], _ spellings: inout ByteSpellings) -> (position: Int, isNew: Bool) {
        bytes.withUnsafeBufferPointer { spellings.position(of: $0) }
    }

    @Test func spellingsArePositionedInOrderOfFirstAppearance() {
        var spellings = ByteSpellings()
        // "sud" 0 (new), "" 1 (new), "sud" again 0, "su" 2 (a prefix is its own), a NUL inside 3
        #expect(position(Array("sud".utf8), &spellings) == (0, true))
        #expect(position([], &spellings) == (1, true))
        #expect(position(Array("sud".utf8), &spellings) == (0, false))
        #expect(position(Array("su".utf8), &spellings) == (2, true))
        #expect(position([0x6E, 0x00, 0x74], &spellings) == (3, true))
        #expect(position([0x6E, 0x00, 0x74], &spellings) == (3, false) && position([], &spellings) == (1, false))
        // Bytes, not canonical equivalence: a decomposed "é" is a spelling of its own
        #expect(position(Array("Caf\u{E9}".utf8), &spellings) == (4, true))
        #expect(position(Array("Cafe\u{301}".utf8), &spellings) == (5, true))
        #expect(spellings.count == 6)
    }

    @Test func aThousandSpellingsKeepTheirPositionsThroughEveryRebuild() {
        // 1,000 spellings outgrow the first 16 slots seven times (16 -> 2,048 slots)
        var spellings = ByteSpellings()
        let texts = (0..<1_000).map { Array("site-\($0 * 7_919 % 1_000)".utf8) }
        #expect(texts.map { position($0, &spellings).position } == Array(0..<1_000))
        #expect(texts.reversed().allSatisfy { !position($0, &spellings).isNew })
        #expect(texts.map { position($0, &spellings).position } == Array(0..<1_000))
        #expect(spellings.count == 1_000)
    }
}
