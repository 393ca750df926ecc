import Foundation
import Testing
@testable import OutcomesSampleData

/// The sample's FHIR lines are written as `JSONSerialization` writes them with sorted keys, without
/// its cost: the committed `SampleData/fhir` stays byte for byte what it was.
@Suite("sorted JSON lines")
struct SortedJSONLineTests {
    static func line(_ object: [String: Any]) throws -> String {
        var bytes: [UInt8] = []
        try SortedJSONLine.append(object, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test("Keys without case, lower case first on a tie; text escaped; numbers, booleans, lists and objects")
    func writesAsJSONSerialization() throws {
        let object: [String: Any] = [
            "valueString": "say \"hi\"\\ bye/\u{1}\t\n", "values": [1, -2], "Zeta": true, "alpha": false,
            "Alpha": ["b": "é", "B": [] as [Any], "a": [:] as [String: Any]], "resourceType": "Observation",
        ]
        // Case-folded: alpha = alpha (then the lower-case one first: "alpha", "Alpha"), resourcetype,
        // values before valuestring ("values" is a prefix of it, folded), zeta last.
        // Inside Alpha: a, then b = b ("b" before "B").
        let expected = #"{"alpha":false,"Alpha":{"a":{},"b":"é","B":[]},"resourceType":"Observation","values":[1,-2],"#
            + #""valueString":"say \"hi\"\\ bye/\u0001\t\n","Zeta":true}"#
        #expect(try Self.line(object) == expected)
        let reference = try JSONSerialization.data(withJSONObject: object,
                                                   options: [.sortedKeys, .withoutEscapingSlashes])
        #expect(try Self.line(object) == String(decoding: reference, as: UTF8.self))
    }

    @Test("A value with no JSON form is refused")
    func refusesOtherValues() {
        #expect(throws: SampleDataError.self) { try Self.line(["when": Date(timeIntervalSince1970: 0)]) }
    }
}
