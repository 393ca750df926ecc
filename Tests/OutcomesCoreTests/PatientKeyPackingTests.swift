import Testing
@testable import OutcomesCore

@Suite("PatientKeyPacking")
struct PatientKeyPackingTests {
    static func packed(_ key: String) -> [UInt8] {
        var key = key
        return key.withUTF8 { PatientKeyPacking.withPacked($0, Array.init) }
    }

    static func isPseudonym(_ key: String) -> Bool {
        var key = key
        return key.withUTF8(PatientKeyPacking.isPseudonym)
    }

    @Test func aPseudonymPacksAsItsBytes() {
        // "0a" 32 times spells 32 bytes of 0x0A; "f9" gives 0xF9.
        #expect(Self.packed(String(repeating: "0a", count: 32)) == [0] + Array(repeating: 0x0A, count: 32))
        #expect(Self.packed(String(repeating: "f9", count: 32)) == [0] + Array(repeating: 0xF9, count: 32))
    }

    @Test("any other key packs as its UTF-8 after a 1", arguments: [
        String(repeating: "0A", count: 32),   // uppercase digits
        String(repeating: "0a", count: 31) + "0g",  // one letter beyond f
        String(repeating: "a", count: 63),    // 63 digits
        String(repeating: "a", count: 65),    // 65 digits
        "P1", "",
    ])
    func otherKeys(_ key: String) {
        #expect(!Self.isPseudonym(key))
        #expect(Self.packed(key) == [1] + Array(key.utf8))
    }

    @Test func packedPseudonymsSortAsTheirDigits() {
        // '9' (0x39) < 'a' (0x61) as text; 0x9F < 0xA0 packed.
        let low = String(repeating: "9f", count: 32), high = String(repeating: "a0", count: 32)
        #expect(low < high)
        #expect(Self.packed(low).lexicographicallyPrecedes(Self.packed(high)))
    }
}
