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
}
