import Testing
@testable import OutcomesIngest

/// Members found in one pass (`JSONNode.members`) read exactly as members looked up one by one
/// (`JSONNode.member`): the first of repeated names, `null` as absent, names with escapes decoded.
@Suite("JSON members read in one pass")
struct JSONMembersTests {
    /// Names of the same length and first and last bytes as others, so that some share a bucket.
    enum Name: Int, CaseIterable { case ab, ax, code, coding, code2, cade, b, missing }

    static let names = JSONMemberNames<Name>()

    @Test func eachNameReadsAsMemberReadsIt() throws {
        let texts = [
            #"{"ab":1,"code":2,"coding":3,"c\u006Fde2":4,"":5}"#,
            #"{"code":null,"code":7,"ab":8,"ab":9,"b":10,"other":{"ax":11}}"#,   // repeated names, null, nesting
            #"{"cade":12,"ax":13}"#,
            "{}",
        ]
        for text in texts {
            let (oneByOne, onePass) = try JSONTapeTests.read(text) { node throws(JSONShapeError) -> ([Int?], [Int?]) in
                let members = try node.members(Self.names)
                var oneByOne: [Int?] = []
                for name in Name.allCases {
                    let value: Int? = try node.read(Self.staticName(name))
                    oneByOne.append(value)
                }
                let onePass = try Name.allCases.map { name throws(JSONShapeError) -> Int? in try members.read(name) }
                return (oneByOne, onePass)
            }.get()
            #expect(onePass == oneByOne, "\(text)")
        }
        // Worked out by hand for the second text: "code" is null first (absent), "ab" is 8 (the first).
        let second = try JSONTapeTests.read(texts[1]) { node throws(JSONShapeError) -> [Int?] in
            let members = try node.members(Self.names)
            return try Name.allCases.map { name throws(JSONShapeError) -> Int? in try members.read(name) }
        }.get()
        #expect(second == [8, nil, nil, nil, nil, nil, 10, nil])
    }

    @Test func aRequiredMemberThatIsAbsentOrNullNamesItselfAndANonObjectIsRefused() {
        for text in [#"{"ab":1}"#, #"{"missing":null}"#] {
            let result = JSONTapeTests.read(text) { node throws(JSONShapeError) -> Int in
                try node.members(Self.names).require(.missing)
            }
            #expect(result == .failure(JSONProblem(kind: .shape, path: "$.missing",
                                                   message: "$.missing is required and is missing")))
        }
        let list = JSONTapeTests.read("[1]") { node throws(JSONShapeError) -> Int? in
            try node.members(Self.names).read(.ab)
        }
        #expect(list == .failure(JSONProblem(kind: .shape, path: "$", message: "the text is not an object")))
    }

    /// The name of `name` as the literal `JSONNode.member` takes.
    static func staticName(_ name: Name) -> StaticString {
        switch name {
        case .ab: return "ab"
        case .ax: return "ax"
        case .code: return "code"
        case .coding: return "coding"
        case .code2: return "code2"
        case .cade: return "cade"
        case .b: return "b"
        case .missing: return "missing"
        }
    }
}
