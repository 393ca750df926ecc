import Testing
@testable import OutcomesAnalysis

/// Texts numbered in order of first use, from `String`s and from bytes alike; the same text (as
/// `String` compares) always the same number.
@Suite("Text numbering")
struct TextNumberingTests {
    /// The number of `text` asked for by its UTF-8 bytes.
    static func number(ofBytes text: [UInt8], in numbering: inout TextNumbering) -> Int {
        text.withUnsafeBufferPointer { numbering.number(ofUTF8: $0) }
    }

    @Test("texts from Strings and from bytes share one numbering, in order of first use")
    func stringsAndBytes() {
        var numbering = TextNumbering()
        // adult-mh 0 (as a String), sud 1 (bytes), adult-mh as bytes 0, sud as a String 1, "" 2
        // (bytes), a 24-byte text 3 (bytes), then each again the other way
        #expect(numbering.number(of: "adult-mh") == 0)
        #expect(Self.number(ofBytes: Array("sud".utf8), in: &numbering) == 1)
        #expect(Self.number(ofBytes: Array("adult-mh".utf8), in: &numbering) == 0)
        #expect(numbering.number(of: "sud") == 1)
        #expect(Self.number(ofBytes: [], in: &numbering) == 2)
        #expect(Self.number(ofBytes: Array("inpatient, step-down uni".utf8), in: &numbering) == 3)
        #expect(numbering.number(of: "") == 2 && numbering.number(of: "inpatient, step-down uni") == 3)
        #expect(numbering.texts == ["adult-mh", "sud", "", "inpatient, step-down uni"])
    }

    @Test("a thousand spellings as bytes, each asked for twice, keep the numbers of their first use")
    func manySpellings() {
        // 1,000 spellings outgrow the first 16 slots seven times (16 -> 2,048 slots)
        var numbering = TextNumbering()
        let texts = (0..<1_000).map { Array("site-\($0 * 7_919 % 1_000)".utf8) }
        #expect(texts.map { Self.number(ofBytes: $0, in: &numbering) } == Array(0..<1_000))
        #expect(texts.reversed().map { Self.number(ofBytes: $0, in: &numbering) } == Array((0..<1_000).reversed()))
        #expect(numbering.count == 1_000 && numbering[999] == String(decoding: texts[999], as: UTF8.self))
    }

    @Test("canonically equivalent spellings are one text; invalid bytes read as U+FFFD")
    func canonicalEquivalenceAndInvalidBytes() {
        var numbering = TextNumbering()
        // "Café" precomposed as a String, then decomposed (e + U+0301) as bytes: one text, 0
        #expect(numbering.number(of: "Caf\u{E9}") == 0)
        #expect(Self.number(ofBytes: Array("Cafe\u{301}".utf8), in: &numbering) == 0)
        // The Kelvin sign (U+212A) as bytes is canonically "K": the number of "K" given as bytes
        #expect(Self.number(ofBytes: Array("K".utf8), in: &numbering) == 1)
        #expect(Self.number(ofBytes: Array("\u{212A}".utf8), in: &numbering) == 1)
        // 0xFF and 0xFE are no UTF-8: each reads as U+FFFD, one text (2) spelt two ways
        #expect(Self.number(ofBytes: [0xFF], in: &numbering) == 2)
        #expect(Self.number(ofBytes: [0xFE], in: &numbering) == 2)
        #expect(numbering.texts == ["Caf\u{E9}", "K", "\u{FFFD}"])
    }
}
