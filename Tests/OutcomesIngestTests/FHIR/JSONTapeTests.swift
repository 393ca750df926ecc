import Testing
import OutcomesTestSupport
@testable import OutcomesIngest

@Suite("JSON tape parser")
struct JSONTapeTests {
    /// Parses `text` and reads it with `read`, as a FHIR line is read.
    static func read<T>(_ text: String, _ read: (JSONNode) throws(JSONShapeError) -> T) -> Result<T, JSONProblem> {
        var reader = JSONReader()
        do throws(JSONProblem) { return .success(try reader.read(ArraySlice(text.utf8), read)) } catch { return .failure(error) }
    }

    static func problem(_ text: String) -> String? {
        if case .failure(let problem) = read(text, { node throws(JSONShapeError) in try node.requireObject() }) {
            return problem.message
        }
        return nil
    }

    @Test func oneReaderParsesALargeTextADeepOneAndASmallOneAfterThem() throws {
        // The reader keeps its tape and its stack of open containers from text to text: 1,000
        // numbers make a tape of 1,001 entries (the list and its elements); 40 nested lists are
        // 40 open at once; the small text after them reads as its own.
        var reader = JSONReader()
        let numbers = "[" + (1...1_000).map(String.init).joined(separator: ",") + "]"
        let sum = try reader.read(ArraySlice(numbers.utf8)) { node throws(JSONShapeError) -> Int in
            var total = 0
            try node.forEachElement { element throws(JSONShapeError) in total += try element.integer() }
            return total
        }
        #expect(sum == 500_500) // 1 + 2 + ... + 1,000 = 1,000 * 1,001 / 2
        let nested = String(repeating: "[", count: 40) + "7" + String(repeating: "]", count: 40)
        let depth = try reader.read(ArraySlice(nested.utf8)) { node throws(JSONShapeError) -> Int in
            var (levels, current) = (0, node)
            while current.isArray { (levels, current) = (levels + 1, try current.elements()[0]) }
            #expect(try current.integer() == 7)
            return levels
        }
        #expect(depth == 40)
        #expect(try reader.read(ArraySlice(#"{"a":"b"}"#.utf8)) { node throws(JSONShapeError) -> String? in
            try node.read("a")
        } == "b")
    }

    @Test func escapesAreDecodedIncludingSurrogatePairs() throws {
        let text = #"{"a":"q\"b\\s\/\b\f\n\r\t\u00e9\u0041\ud83d\ude00."}"#
        let value = try Self.read(text) { node throws(JSONShapeError) -> String? in try node.read("a") }.get()
        #expect(value == "q\"b\\s/\u{8}\u{C}\n\r\t\u{E9}A\u{1F600}.")
    }

    @Test func aKeyWithAnEscapeIsTheSameKeyAndNullIsAbsent() throws {
        let text = #"{"resource\u0054ype":"Patient","id":null,"gender":"female"}"#
        let resource = try Self.read(text) { node throws(JSONShapeError) in try FHIRResource(json: node, indexOnly: false) }.get()
        #expect(resource.resourceType == "Patient")
        #expect(resource.id == nil)
        #expect(resource.gender == "female")
    }

    @Test func numbersIncludingExponents() throws {
        func integer(_ written: String) -> Int? {
            try? Self.read(#"{"n":\#(written)}"#) { node throws(JSONShapeError) -> Int? in try node.read("n") }.get()
        }
        func decimal(_ written: String) -> String? {
            try? Self.read(#"{"n":\#(written)}"#) { node throws(JSONShapeError) -> FHIRNumber? in try node.read("n") }.get()?.text
        }
        // 1.0e1 = 10 and 2.5E+1 = 25 are whole numbers; 2.5 is not an integer.
        #expect([integer("12"), integer("-3"), integer("0"), integer("1.0e1"), integer("2.5E+1")] == [12, -3, 0, 10, 25])
        #expect(integer("2.5") == nil)
        // 625e-1 = 62.5; 1E2 = 100; -0.50 = -0.5.
        #expect([decimal("62.5"), decimal("625e-1"), decimal("1E2"), decimal("-0.50"), decimal("13")]
                == ["62.5", "62.5", "100", "-0.5", "13"])
    }

    @Test func aValueOfTheWrongTypeIsNamedByItsPath() {
        let text = #"{"resourceType":"QuestionnaireResponse","item":[{"linkId":"a"},{"linkId":"b","answer":[{"valueCoding":"x"}]}]}"#
        let result = Self.read(text) { node throws(JSONShapeError) in try FHIRResource(json: node, indexOnly: false) }
        guard case .failure(let problem) = result else { Issue.record("read a wrong type"); return }
        #expect(problem.path == "$.item[1].answer[0].valueCoding")
        #expect(problem.message == "$.item[1].answer[0].valueCoding is not an object")
        let missing = Self.read(#"{"id":"x"}"#) { node throws(JSONShapeError) in try FHIRResource(json: node, indexOnly: false) }
        #expect((try? missing.get()) == nil)
        if case .failure(let problem) = missing {
            #expect([problem.path, problem.message] == ["$.resourceType", "$.resourceType is required and is missing"])
        }
        #expect(Self.problem("[1, 2]") == "the text is not an object")
    }

    @Test func malformedTextNamesTheByteAndThePath() {
        // Bytes counted from 1: `{"resourceType":"Observation","code":` is 37 bytes, so the
        // missing value is at byte 38.
        #expect(Self.problem(#"{"resourceType":"Observation","code":"#)
                == "not valid JSON at byte 38 (in $.code): the text ends before a value")
        // `{"a":[1,2,}`: the third element of $.a would start at byte 11.
        #expect(Self.problem(#"{"a":[1,2,}"#) == "not valid JSON at byte 11 (in $.a[2]): expected a value but found '}'")
        // `{"a":"\uD800"}`: the escape ends at byte 12; byte 13 is not `\u`.
        #expect(Self.problem(#"{"a":"\uD800"}"#)
                == #"not valid JSON at byte 13 (in $.a): \uD800 is a high surrogate without a low one after it"#)
        #expect(Self.problem(#"{"a":"\uDC00"}"#)
                == #"not valid JSON at byte 13 (in $.a): \uDC00 is a low surrogate without a high one"#)
        #expect(Self.problem(#"{"a":"\x"}"#) == #"not valid JSON at byte 8 (in $.a): \x is not a JSON escape"#)
        #expect(Self.problem(#"{"a":"\u12G4"}"#) == #"not valid JSON at byte 11 (in $.a): \u must be followed by four hex digits"#)
        #expect(Self.problem(#"{"a":tru}"#) == "not valid JSON at byte 9 (in $.a): expected true but found '}'")
        #expect(Self.problem(#"{"a":01}"#) == "not valid JSON at byte 7 (in $.a): expected ',' or '}' but found '1'")
        #expect(Self.problem(#"{"a":1.}"#) == "not valid JSON at byte 8 (in $.a): expected a digit after the decimal point but found '}'")
        #expect(Self.problem(#"{"a":1e}"#) == "not valid JSON at byte 8 (in $.a): expected a digit in the exponent but found '}'")
        #expect(Self.problem(#"{"a":-}"#) == "not valid JSON at byte 7 (in $.a): expected a digit but found '}'")
        #expect(Self.problem(#"{"a" 1}"#) == "not valid JSON at byte 6 (in $.a): expected ':' after the member name but found '1'")
        #expect(Self.problem(#"{1:2}"#) == "not valid JSON at byte 2 (in $): expected a member name in quotes but found '1'")
        #expect(Self.problem(#"{"a":{"b":[true}}"#)
                == "not valid JSON at byte 16 (in $.a.b[0]): expected ',' or ']' but found '}'")
        #expect(Self.problem(#"{"a":1} x"#) == "not valid JSON at byte 9 (in $): text follows the JSON value: 'x'")
        #expect(Self.problem("{\"a\":\"tab\there\"}") == "not valid JSON at byte 10 (in $.a): a control character (byte 9) inside a string must be escaped")
        #expect(Self.problem(String(repeating: "[", count: 300)) == "not valid JSON at byte 257 (in $" + (0..<256).map { _ in "[0]" }.joined() + "): nested more than 256 levels deep")
        #expect(Self.problem("") == "not valid JSON at byte 1 (in $): the text ends before a value")
    }

    @Test func aPlainRunEndsAtTheFirstQuoteBackslashOrControlCharacter() {
        // Plain bytes around them: letters, space, DEL, UTF-8 lead and continuation bytes, and
        // bytes one above a quote or a backslash (a borrow in the eight-byte test marks only
        // bytes after a true mark). Every length up to three words, every position.
        let plain: [UInt8] = [0x61, 0x20, 0x7F, 0x80, 0xFF, 0x23, 0x5D, 0x21, 0xC3, 0xA9, 0x5B]
        for count in 0..<25 {
            let bytes = (0..<count).map { plain[$0 % plain.count] }
            #expect(bytes.withUnsafeBufferPointer { JSONTapeParser.plainEnd($0, from: 0) } == count)
            for position in 0..<count {
                for special: UInt8 in [0x22, 0x5C, 0x00, 0x0A, 0x1F] {
                    var marked = bytes
                    marked[position] = special
                    if position + 1 < count { marked[position + 1] = 0x22 }
                    let found = marked.withUnsafeBufferPointer { JSONTapeParser.plainEnd($0, from: 0) }
                    #expect(found == position, "\(count) bytes, \(special) at \(position)")
                    // From past the special byte, the next one (the quote after it) or the end.
                    let next = marked.withUnsafeBufferPointer { JSONTapeParser.plainEnd($0, from: position + 1) }
                    #expect(next == (position + 1 < count ? position + 1 : count))
                }
            }
        }
    }

    @Test func aMemberIsFoundByItsNameAndANameNoMemberHasIsAbsent() throws {
        // Names of the same length and first byte as a member's ("ax", "cod" and "b" against "ab",
        // "code" and "coding") are absent; a name with an escape ("c\u006Fde2" is "code2") is found.
        let text = #"{"ab":1,"code":2,"coding":3,"c\u006Fde2":4,"":5}"#
        let values = try Self.read(text) { node throws(JSONShapeError) -> [Int?] in
            [try node.read("ab"), try node.read("code"), try node.read("coding"), try node.read("code2"), try node.read(""),
             try node.read("ax"), try node.read("cod"), try node.read("b")]
        }.get()
        #expect(values == [1, 2, 3, 4, 5, nil, nil, nil])
        let plain = try Self.read(#"{"ab":1}"#) { node throws(JSONShapeError) -> [Int?] in [try node.read("ab"), try node.read("ax")] }.get()
        #expect(plain == [1, nil])
    }

    @Test func invalidUTF8IsFoundBeforeParsing() {
        var reader = JSONReader()
        let bytes: [UInt8] = Array(#"{"a":""#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8)
        do throws(JSONProblem) {
            _ = try reader.read(bytes[...]) { node throws(JSONShapeError) in try node.requireObject() }
            Issue.record("read invalid UTF-8")
        } catch {
            // 0xC3 at offset 6 needs a continuation byte; 0x28 is not one.
            #expect(error == JSONProblem(kind: .invalidUTF8, path: "$", message: "invalid UTF-8 at byte offset 6 of the line"))
        }
    }

    /// The tape entries `text` parses to, and whether the room reserved for them had to grow.
    static func entryCount(_ text: String) throws -> (entries: Int, grew: Bool) {
        let storage = JSONTapeStorage()
        storage.reserve(entries: JSONTapeStorage.entries(forBytes: text.utf8.count))
        let room = storage.capacity
        try Array(text.utf8).withUnsafeBufferPointer { try JSONTapeParser.parse($0, into: storage) }
        return (storage.count, storage.capacity > room)
    }

    @Test func theTapeHasRoomForTheDensestTexts() throws {
        // Room for n bytes is n / 2 + 2 entries. `0`: 1 byte, 1 entry (room 2); `[0,0,0]`: 7 bytes,
        // the list and 3 numbers (room 5); `{"":0,"":0}`: 11 bytes, the object, 2 keys, 2 values
        // (room 7); `[[[[]]]]`: 8 bytes, 4 lists (room 6).
        let cases: [(String, Int)] = [("0", 1), ("[0,0,0]", 4), (#"{"":0,"":0}"#, 5), ("[[[[]]]]", 4)]
        for (text, entries) in cases {
            #expect(try Self.entryCount(text) == (entries, false))
            #expect(entries <= JSONTapeStorage.entries(forBytes: text.utf8.count))
        }
        // 1,000 zeros: 2,001 bytes, 1,001 entries, room 1,002 (the densest shape, one short of full).
        let zeros = "[" + Array(repeating: "0", count: 1_000).joined(separator: ",") + "]"
        #expect(try Self.entryCount(zeros) == (1_001, false))
        #expect(JSONTapeStorage.entries(forBytes: zeros.utf8.count) == 1_002)
        // Random dense texts (seeded): every one fits.
        var random = SplitMix64(seed: 20261203)
        for _ in 0..<2_000 {
            let text = Self.denseValue(&random, depth: 0)
            #expect(try Self.entryCount(text).grew == false, "\(text)")
        }
        // Text that is not JSON may hold an entry per byte before its error: the tape grows to
        // the 256 lists opened by 300 `[` (room for 152) and the error is the nesting, as before.
        let storage = JSONTapeStorage()
        storage.reserve(entries: JSONTapeStorage.entries(forBytes: 300))
        let unclosed = Array(String(repeating: "[", count: 300).utf8)
        #expect(throws: JSONSyntaxError.self) {
            try unclosed.withUnsafeBufferPointer { try JSONTapeParser.parse($0, into: storage) }
        }
        #expect(storage.count == 256 && storage.capacity >= 256)
    }

    /// A random JSON value without white space, of the shortest scalars (the most values per byte).
    static func denseValue(_ random: inout SplitMix64, depth: Int) -> String {
        func members(_ member: (inout SplitMix64) -> String) -> String {
            (0..<Int.random(in: 0..<5, using: &random)).map { _ in member(&random) }.joined(separator: ",")
        }
        switch Int.random(in: 0..<(depth < 4 ? 5 : 3), using: &random) {
        case 0: return "0"
        case 1: return "\"\""
        case 2: return "true"
        case 3: return "[" + members { denseValue(&$0, depth: depth + 1) } + "]"
        default: return "{" + members { "\"\":" + denseValue(&$0, depth: depth + 1) } + "}"
        }
    }
}
