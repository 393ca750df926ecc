import Testing
@testable import OutcomesAnalysis

/// Patients numbered by key: pseudonyms kept as 32 bytes and spelled back exactly, any other
/// key as its text.
@Suite("Patient keys")
struct PatientKeysTests {
    @Test("a pseudonym is spelled back digit for digit")
    func pseudonymsRoundTrip() {
        // Digits 0-9 and a-f in every position of a word, and the extremes
        let keys = [String(repeating: "0123456789abcdef", count: 4), String(repeating: "f", count: 64),
                    String(repeating: "0", count: 64), String(repeating: "0", count: 62) + "a1"]
        var patients = PatientKeys()
        let numbers = keys.map { patients.number(of: $0) }
        #expect(numbers == [0, 1, 2, 3])
        #expect(numbers.map { patients[$0] } == keys)
    }

    @Test("other keys are kept as text; a key seen before keeps its number")
    func otherKeysAndRepeats() {
        var patients = PatientKeys()
        // Upper-case digits and 63 digits are not pseudonyms: kept as given
        let upper = String(repeating: "AB", count: 32)
        let short = String(repeating: "a", count: 63)
        let pseudonym = String(repeating: "ab", count: 32)
        #expect([upper, "p2", pseudonym, short, "p2", pseudonym].map { patients.number(of: $0) } == [0, 1, 2, 3, 1, 2])
        #expect(patients.count == 4)
        #expect((0..<4).map { patients[Int32($0)] } == [upper, "p2", pseudonym, short])
        #expect(patients.number(ifKnown: pseudonym) == 2 && patients.number(ifKnown: "p3") == nil)
        // Once the index is dropped, keys are still spelled but no longer found
        patients.dropIndex()
        #expect(patients[2] == pseudonym && patients.number(ifKnown: pseudonym) == nil)
    }

    @Test("pseudonyms that share their first 8 bytes stay apart, through the index's growth")
    func sharedFirstBytesAndGrowth() {
        var patients = PatientKeys()
        // 300 pseudonyms: each its number in hexadecimal, zero-padded to 64 digits (key 0 is all
        // zeros), so the first 16 digits (8 bytes, the slot chooser) are zeros for all and every
        // key probes past the others. The table grows from 16 slots to 1,024 (six rebuilds).
        let keys = (0..<300).map { number -> String in
            let hex = String(number, radix: 16)
            return String(repeating: "0", count: 64 - hex.count) + hex
        }
        #expect(Set(keys).count == 300)
        #expect(keys.map { patients.number(of: $0) } == (0..<300).map(Int32.init))
        // Numbered again in reverse: each keeps its number; each is found and spelled back
        #expect(keys.reversed().map { patients.number(of: $0) } == (0..<300).reversed().map(Int32.init))
        #expect(keys.map { patients.number(ifKnown: $0) } == (0..<300).map { Int32($0) })
        #expect((0..<300).map { patients[Int32($0)] } == keys)
        #expect(patients.number(ifKnown: String(repeating: "0", count: 61) + "fff") == nil)
        #expect(patients.count == 300)
    }

    @Test("a key given as bytes has the number of the same key given as a String")
    func keysFromBytes() {
        var patients = PatientKeys()
        let pseudonym = String(repeating: "0123456789abcdef", count: 4)
        // The pseudonym as a String is 0; as bytes, 0 again; "MRN-7" as bytes 1, as a String 1
        #expect(patients.number(of: pseudonym) == 0)
        #expect(Array(pseudonym.utf8).withUnsafeBufferPointer { patients.number(ofUTF8: $0) } == 0)
        #expect(Array("MRN-7".utf8).withUnsafeBufferPointer { patients.number(ofUTF8: $0) } == 1)
        #expect(patients.number(of: "MRN-7") == 1)
        // 64 digits with an uppercase one are no pseudonym: a key of its own (2), kept as its text
        let upper = "A" + pseudonym.dropFirst()
        #expect(Array(upper.utf8).withUnsafeBufferPointer { patients.number(ofUTF8: $0) } == 2)
        #expect([0, 1, 2].map { patients[$0] } == [pseudonym, "MRN-7", upper])
    }
}
