import Foundation

/// A type read from a JSON value of a parsed tape; unknown object members are ignored.
protocol JSONReadable {
    init(json: JSONNode) throws(JSONShapeError)
}

/// A value that is not of the type its field needs, or a required member that is missing;
/// `JSONReader` turns the tape index into the value's path.
struct JSONShapeError: Error {
    enum Problem {
        /// `a string`, `a number` ...
        case notA(String)
        case missing(String)
    }

    var index: Int
    var problem: Problem
}

/// One value on a parsed tape, read as the type a field needs. Valid only while its tape is
/// (inside `JSONReader.read`).
struct JSONNode {
    let bytes: UnsafeBufferPointer<UInt8>
    let tape: UnsafeBufferPointer<JSONEntry>
    let index: Int

    private var entry: JSONEntry { tape[index] }

    private func mismatch(_ expected: String) -> JSONShapeError { JSONShapeError(index: index, problem: .notA(expected)) }

    /// Throws unless the value is an object (call before reading members).
    func requireObject() throws(JSONShapeError) {
        guard entry.kind == .object else { throw mismatch("an object") }
    }

    /// The member named `key` of this object; nil when absent or `null` (the first of repeated names).
    func member(_ key: StaticString) -> JSONNode? {
        let object = entry
        guard object.kind == .object else { return nil }
        let name = UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount)
        var position = index + 1
        while position < object.after {
            let value = position + 1
            if matches(tape[position], name) {
                return tape[value].kind == .null ? nil : JSONNode(bytes: bytes, tape: tape, index: value)
            }
            position = tape[value].after
        }
        return nil
    }

    /// Calls `body` with each member of this object, in order: its name's bytes (decoded first
    /// when written with escapes) and its value, `null` included. For a type that tells its few
    /// names apart in one pass (`FHIRCoding`), where `member(_:)` passes over the members once
    /// per name asked for.
    func forEachMember(_ body: (UnsafeBufferPointer<UInt8>, JSONNode) -> Void) {
        let object = entry
        guard object.kind == .object else { return }
        var position = index + 1
        while position < object.after {
            let key = tape[position]
            let value = JSONNode(bytes: bytes, tape: tape, index: position + 1)
            if key.flag {
                var text = JSONText.string(key, in: bytes)
                text.withUTF8 { body($0, value) }
            } else {
                body(UnsafeBufferPointer(rebasing: bytes[key.start..<key.end]), value)
            }
            position = tape[position + 1].after
        }
    }

    /// Keeps `value` in `found` when the member's name (`bytes`, from `forEachMember`) is `name`
    /// and none was kept before: the first of repeated names counts, as with `member(_:)`.
    /// Callers switch on the name's length first, so most members are compared with one name.
    static func keepFirst(_ found: inout JSONNode?, named name: StaticString, _ bytes: UnsafeBufferPointer<UInt8>,
                          _ value: JSONNode) {
        guard found == nil, bytes.count == name.utf8CodeUnitCount,
              memcmp(bytes.baseAddress!, name.utf8Start, bytes.count) == 0 else { return }
        found = value
    }

    /// This value, or nil when it is `null` (as `member(_:)` gives a member's value).
    var nonNull: JSONNode? { entry.kind == .null ? nil : self }

    /// True when key `key` is `name` (a key with escapes is decoded first; others are compared
    /// in place, length and first byte before the rest: most keys differ there).
    private func matches(_ key: JSONEntry, _ name: UnsafeBufferPointer<UInt8>) -> Bool {
        if key.flag { return JSONText.string(key, in: bytes).utf8.elementsEqual(name) }
        guard key.end - key.start == name.count else { return false }
        guard let first = name.first else { return true }
        guard bytes[key.start] == first else { return false }
        return memcmp(bytes.baseAddress! + key.start, name.baseAddress!, name.count) == 0
    }

    /// Reads member `key` as `T`; nil when absent or `null`.
    func read<T: JSONReadable>(_ key: StaticString) throws(JSONShapeError) -> T? {
        guard let value = member(key) else { return nil }
        return try T(json: value)
    }

    /// Reads member `key` as `T`; throws when absent or `null`.
    func require<T: JSONReadable>(_ key: StaticString) throws(JSONShapeError) -> T {
        guard let value = member(key) else { throw JSONShapeError(index: index, problem: .missing("\(key)")) }
        return try T(json: value)
    }

    var isArray: Bool { entry.kind == .array }

    /// The elements of this list.
    func elements() throws(JSONShapeError) -> [JSONNode] {
        var nodes: [JSONNode] = []
        try forEachElement { nodes.append($0) }
        return nodes
    }

    /// Calls `body` with each element of this list, in order (no list of nodes is made: lists
    /// are read on every line).
    func forEachElement(_ body: (JSONNode) throws(JSONShapeError) -> Void) throws(JSONShapeError) {
        guard entry.kind == .array else { throw mismatch("a list") }
        var position = index + 1
        while position < entry.after {
            try body(JSONNode(bytes: bytes, tape: tape, index: position))
            position = tape[position].after
        }
    }

    /// Throws unless the value is a string (for a member checked but not kept).
    func requireString() throws(JSONShapeError) {
        guard entry.kind == .string else { throw mismatch("a string") }
    }

    func string() throws(JSONShapeError) -> String {
        guard entry.kind == .string else { throw mismatch("a string") }
        return JSONText.string(entry, in: bytes)
    }

    /// The number as written, for numbers read whole (`FHIRNumber`).
    func numberText() throws(JSONShapeError) -> (text: Substring, isInteger: Bool) {
        guard entry.kind == .number else { throw mismatch("a number") }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[entry.start..<entry.end]), as: UTF8.self)
        return (text[...], !entry.flag)
    }

    /// An integer: digits, or a decimal or exponent form whose value is a whole number.
    func integer() throws(JSONShapeError) -> Int {
        let (text, isInteger) = try numberText()
        if isInteger, let value = Int(text) { return value }
        guard let value = Double(text), value == value.rounded(), abs(value) < 9.0e15 else { throw mismatch("an integer") }
        return Int(value)
    }
}

extension Optional<JSONNode> {
    /// A member found by `JSONNode.forEachMember`, read as `T`; nil when absent or `null`.
    func read<T: JSONReadable>() throws(JSONShapeError) -> T? {
        guard let node = self?.nonNull else { return nil }
        return try T(json: node)
    }
}

extension String: JSONReadable {
    init(json: JSONNode) throws(JSONShapeError) { self = try json.string() }
}

extension Int: JSONReadable {
    init(json: JSONNode) throws(JSONShapeError) { self = try json.integer() }
}

extension Array: JSONReadable where Element: JSONReadable {
    init(json: JSONNode) throws(JSONShapeError) {
        var list: [Element] = []
        try json.forEachElement { element throws(JSONShapeError) in list.append(try Element(json: element)) }
        self = list
    }
}
