import Testing
@testable import OutcomesIngest

/// Codings, extensions and references read their members in one pass (`JSONNode.forEachMember`),
/// by the rules of `JSONNode.member`: the first of repeated names counts, `null` is absent, a name
/// written with escapes is its decoded text, members of other names are passed over, and a member
/// of the wrong type is refused at its path.
@Suite("FHIR elements read in one pass")
struct FHIRElementReadingTests {
    @Test func aCodingTakesTheFirstOfEachNameAndNullAsAbsent() throws {
        // code: null first (absent; the later "A" is not looked at); display: "D", the first of
        // two, the second written with an escape; an unknown member passed over.
        let coding = try JSONTapeTests.read(
            #"{"code":null,"code":"A","system":"s","display":"D","d\u0069splay":"E","userSelected":true}"#
        ) { node throws(JSONShapeError) in try FHIRCoding(json: node) }.get()
        #expect(coding.code == nil && coding.display == "D" && coding.extension == nil)
        // A name written with escapes is the name it decodes to: "c\u006fde" is "code", and first.
        let escaped = try JSONTapeTests.read(#"{"c\u006fde":"X","code":"Y"}"#) { node throws(JSONShapeError) in
            try FHIRCoding(json: node)
        }.get()
        #expect(escaped.code == "X")
        // The system is checked to be a string though not kept.
        let badSystem = JSONTapeTests.read(#"{"system":5,"code":"A"}"#) { node throws(JSONShapeError) in
            try FHIRCoding(json: node).code
        }
        #expect(badSystem == .failure(JSONProblem(kind: .shape, path: "$.system",
                                                  message: "$.system is not a string")))
    }

    @Test func anExtensionNeedsItsURLAndReadsEveryValueType() throws {
        let text = #"{"valueString":"v","url":"u","url":"w","valueCode":"c","valueInteger":3,"valueDecimal":2.50,"#
            + #""valueCoding":{"code":"k"},"valueCodeableConcept":{"coding":[{"code":"q"}]},"#
            + #""valueReference":{"reference":"Practitioner/L01"},"extension":[{"url":"x","valueInteger":4}]}"#
        let read = try JSONTapeTests.read(text) { node throws(JSONShapeError) in try FHIRExtension(json: node) }.get()
        // url: the first of two; the decimal as its shortest text (2.50 -> 2.5).
        #expect(read.url == "u" && read.valueString == "v" && read.valueCode == "c" && read.valueInteger == 3)
        #expect(read.valueDecimal?.text == "2.5" && read.valueCoding?.code == "k")
        #expect(read.valueCodeableConcept?.firstCode == "q" && read.valueReference?.reference == "Practitioner/L01")
        #expect(read.extension?.first?.url == "x" && read.extension?.first?.valueInteger == 4)
        for missing in [#"{"valueString":"v"}"#, #"{"url":null}"#] {
            let result = JSONTapeTests.read(missing) { node throws(JSONShapeError) in
                try FHIRExtension(json: node).url
            }
            #expect(result == .failure(JSONProblem(kind: .shape, path: "$.url",
                                                   message: "$.url is required and is missing")))
        }
    }

    @Test func aReferenceTakesTheFirstOfEachName() throws {
        let reference = try JSONTapeTests.read(#"{"display":"Dr L","reference":"Practitioner/L01","display":"x"}"#) {
            node throws(JSONShapeError) in try FHIRReference(json: node)
        }.get()
        #expect(reference.reference == "Practitioner/L01" && reference.display == "Dr L")
        let notAString = JSONTapeTests.read(#"{"reference":["Patient/1"]}"#) { node throws(JSONShapeError) in
            try FHIRReference(json: node).reference
        }
        #expect(notAString == .failure(JSONProblem(kind: .shape, path: "$.reference",
                                                   message: "$.reference is not a string")))
    }
}
