import Testing
@testable import OutcomesStore

@Suite("Text interning: one String per repeated long value")
struct TextInternerTests {
    /// The address of a native string's UTF-8 storage.
    func storage(_ text: String) -> UnsafePointer<UInt8>? {
        var copy = text
        return copy.withUTF8 { $0.baseAddress }
    }

    func interned(_ text: String, _ interner: inout TextInterner) -> String {
        let bytes = Array(text.utf8)  // a fresh buffer each time, as SQLite hands out
        return bytes.withUnsafeBufferPointer { interner.string($0) }
    }

    @Test func equalLongTextsShareOneStringAndOthersDoNot() {
        var interner = TextInterner()
        // "Not Hispanic or Latino" is 22 bytes, past the 15 a String holds inline
        let first = interned("Not Hispanic or Latino", &interner)
        let second = interned("Not Hispanic or Latino", &interner)
        let other = interned("Hispanic or Latino and more", &interner)
        #expect(first == "Not Hispanic or Latino" && second == first && other == "Hispanic or Latino and more")
        #expect(storage(first) == storage(second))
        #expect(storage(other) != storage(first))
        // A text of the same length that differs in its last byte is its own
        let last = interned("Not Hispanic or Latinx", &interner)
        #expect(last == "Not Hispanic or Latinx" && storage(last) != storage(first))
        #expect(storage(interned("Not Hispanic or Latinx", &interner)) == storage(last))
        // A short text and an empty one come back as they are
        #expect(interned("IOP", &interner) == "IOP" && interned("", &interner) == "")
        // A NUL inside is kept
        #expect(interned("nor\0th and a long tail", &interner).utf8.count == 22)
    }
}
