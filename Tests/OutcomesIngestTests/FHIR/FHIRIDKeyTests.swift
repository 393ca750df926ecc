@testable import OutcomesIngest
import Testing

/// Ids kept as 128-bit keys: equal ids give equal keys; 200,000 UUID-like ids, as many prefixes
/// of one another and ids differing in one byte, give as many keys.
@Suite("FHIR id keys")
struct FHIRIDKeyTests {
    @Test func equalIdsShareAKeyAndDifferentIdsDoNot() {
        #expect(FHIRIDKey("7c1f0b52-3a9e-4d21-9b8e-0f2a6c4d1e77") == FHIRIDKey("7c1f0b52-3a9e-4d21-9b8e-0f2a6c4d1e77"))
        #expect(FHIRIDKey("") != FHIRIDKey("a"))
        #expect(FHIRIDKey("enc-1") != FHIRIDKey("enc-10"))
        // Canonically equal text in other bytes: ids compare byte for byte (FHIR ids are ASCII).
        #expect(FHIRIDKey("é") != FHIRIDKey("e\u{301}"))
        var keys = Set<FHIRIDKey>()
        for number in 0..<200_000 {
            keys.insert(FHIRIDKey("00000000-0000-4000-8000-\(String(number, radix: 16))"))
        }
        #expect(keys.count == 200_000)
    }
}
