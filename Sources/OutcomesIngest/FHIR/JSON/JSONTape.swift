/// One JSON value of a parsed text, on a flat tape: values in document order, a container
/// followed by its members (an object's as key, value, key, value ...).
struct JSONEntry {
    enum Kind: UInt8 { case object, array, string, number, `true`, `false`, null }

    var kind: Kind
    /// A string holding an escape (decoded when read); a number with a fraction or an exponent.
    var flag: Bool
    /// Strings: the first byte after the opening quote; other values: their first byte.
    var start: Int
    /// Strings: the closing quote; other values: just past their last byte.
    var end: Int
    /// The tape index just past this value and everything inside it.
    var after: Int
}

/// Why a text is not JSON: what was found, at which byte (from 1) and inside which value.
struct JSONSyntaxError: Error, Equatable {
    var offset: Int
    var path: String
    var problem: String

    /// `not valid JSON at byte 38 (in $.code): the text ends before a value`.
    var message: String { "not valid JSON at byte \(offset + 1) (in \(path)): \(problem)" }
}

/// A UTF-8 JSON text (RFC 8259) parsed onto a tape in one pass, byte by byte: strings and
/// numbers are checked but left in place, decoded only when read (`JSONNode`). Hand-written
/// because Foundation's `JSONDecoder` was most of a FHIR load's time on Linux and no faster JSON
/// package resolves on this machine. The tape and the stack of open containers are raw memory
/// (`JSONTapeStorage`), written without a Swift array's uniqueness and capacity checks on every
/// value (measured: 25% fewer instructions parsing a FHIR export than through arrays).
struct JSONTapeParser {
    /// Deeper nesting than this is refused (FHIR resources nest a few levels).
    static let maximumDepth = 256

    /// An open container: its tape index, its members so far, and (objects) the tape index of the last key.
    typealias OpenContainer = (entry: Int, members: Int, key: Int)

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    private let storage: JSONTapeStorage
    private var tape: UnsafeMutablePointer<JSONEntry>
    /// `storage.capacity`, held here while parsing: reading a class's property on every value is
    /// a dynamic exclusivity check.
    private var capacity: Int
    private var count = 0
    private let open: UnsafeMutablePointer<OpenContainer>
    /// How many containers are open at the index (`open[0]` outermost).
    private var depth = 0

    /// Parses `bytes` (one JSON value, white space around it) onto `storage`'s tape, replacing
    /// what it held.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, into storage: JSONTapeStorage) throws(JSONSyntaxError) {
        storage.reserve(entries: JSONTapeStorage.entries(forBytes: bytes.count))
        var parser = JSONTapeParser(bytes: bytes, storage: storage)
        defer { storage.count = parser.count }
        try parser.document()
    }

    private init(bytes: UnsafeBufferPointer<UInt8>, storage: JSONTapeStorage) {
        self.bytes = bytes
        self.storage = storage
        tape = storage.entries
        capacity = storage.capacity
        open = storage.open
    }

    /// Writes `entry` at the end of the tape, which has room for every value of a JSON text
    /// (`JSONTapeStorage.entries(forBytes:)`) and grows for a text that is not JSON.
    private mutating func append(_ entry: JSONEntry) {
        if count == capacity {
            tape = storage.grow(keeping: count)
            capacity = storage.capacity
        }
        (tape + count).initialize(to: entry)
        count += 1
    }

    /// The innermost open container (`depth` > 0).
    private var top: OpenContainer {
        get { open[depth - 1] }
        nonmutating set { open[depth - 1] = newValue }
    }

    private var byte: UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func skipSpace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    private mutating func document() throws(JSONSyntaxError) {
        skipSpace()
        try value()
        while true {
            skipSpace()
            guard depth > 0 else { break }
            let isObject = tape[top.entry].kind == .object
            switch byte {
            case UInt8(ascii: ","):
                index += 1
                skipSpace()
                if isObject { try key() }
                try value()
            case UInt8(ascii: "}") where isObject: close()
            case UInt8(ascii: "]") where !isObject: close()
            case nil: throw failure("the text ends inside \(isObject ? "an object" : "a list")")
            default: throw failure("expected \(isObject ? "',' or '}'" : "',' or ']'") but found \(found)")
            }
        }
        guard byte == nil else { throw failure("text follows the JSON value: \(found)") }
    }

    /// Reads one value; a container is opened (its members are read by `document`).
    private mutating func value() throws(JSONSyntaxError) {
        if depth > 0 { top.members += 1 }
        let start = index
        guard let current = byte else { throw failure("the text ends before a value") }
        switch current {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            let isObject = current == UInt8(ascii: "{")
            guard depth < Self.maximumDepth else { throw failure("nested more than \(Self.maximumDepth) levels deep") }
            (open + depth).initialize(to: (count, 0, -1))
            depth += 1
            append(JSONEntry(kind: isObject ? .object : .array, flag: false, start: start, end: start, after: 0))
            index += 1
            skipSpace()
            if byte == UInt8(ascii: isObject ? "}" : "]") { return close() }
            if isObject { try key() }
            try value()
        case UInt8(ascii: "\""): try string()
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
        case UInt8(ascii: "t"): try literal("true", .true)
        case UInt8(ascii: "f"): try literal("false", .false)
        case UInt8(ascii: "n"): try literal("null", .null)
        default: throw failure("expected a value but found \(found)")
        }
    }

    /// Reads an object member's key and its colon.
    @inline(__always)
    private mutating func key() throws(JSONSyntaxError) {
        guard byte == UInt8(ascii: "\"") else {
            throw failure(byte == nil ? "the text ends inside an object" : "expected a member name in quotes but found \(found)")
        }
        top.key = -1
        let keyEntry = count
        try string()
        top.key = keyEntry
        skipSpace()
        guard byte == UInt8(ascii: ":") else { throw failure("expected ':' after the member name but found \(found)") }
        index += 1
        skipSpace()
    }

    private mutating func close() {
        index += 1
        let closed = top.entry
        depth -= 1
        tape[closed].end = index
        tape[closed].after = count
    }

    private mutating func literal(_ word: StaticString, _ kind: JSONEntry.Kind) throws(JSONSyntaxError) {
        let start = index
        let text = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        for expected in text {
            guard byte == expected else { throw failure("expected \(word) but found \(found)") }
            index += 1
        }
        append(JSONEntry(kind: kind, flag: false, start: start, end: index, after: count + 1))
    }

    /// A string: no raw control character, only JSON escapes, surrogates in pairs. Its bytes are
    /// checked as UTF-8 before parsing (`JSONReader`).
    @inline(__always)
    private mutating func string() throws(JSONSyntaxError) {
        index += 1
        let start = index
        var escaped = false
        while true {
            // Most of a string is plain bytes: no quote, no backslash, no control character.
            index = Self.plainEnd(bytes, from: index)
            guard let current = byte else { throw failure("the text ends inside a string") }
            switch current {
            case UInt8(ascii: "\""):
                append(JSONEntry(kind: .string, flag: escaped, start: start, end: index, after: count + 1))
                index += 1
                return
            case UInt8(ascii: "\\"):
                escaped = true
                try escape()
            case 0x00..<0x20: throw failure("a control character (byte \(current)) inside a string must be escaped")
            default: index += 1
            }
        }
    }

    /// The index of the first quote, backslash or control character at or after `start`
    /// (`bytes.count` when none), found eight bytes at a time: a string's plain bytes were the
    /// parser's busiest loop, and most of an NDJSON line is strings. Inlined, as `string` and
    /// `key` are, where they are used: a call per string and per member name was 29% of the
    /// parser's instructions.
    @inline(__always)
    static func plainEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        let count = bytes.count
        if let base = bytes.baseAddress.map(UnsafeRawPointer.init) {
            let ones: UInt64 = 0x0101_0101_0101_0101
            while index + 8 <= count {
                let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                let quote = word ^ (ones &* 0x22), backslash = word ^ (ones &* 0x5C)
                // The high bit of each byte that is zero in `quote` or `backslash`, or below 0x20 in
                // `word`; a borrow may also mark a byte after a marked one, never before: the lowest
                // mark is exact.
                let marks = ((quote &- ones) & ~quote | (backslash &- ones) & ~backslash | (word &- ones &* 0x20) & ~word)
                    & (ones &* 0x80)
                if marks != 0 { return index + marks.trailingZeroBitCount / 8 }
                index += 8
            }
        }
        while index < count, bytes[index] != UInt8(ascii: "\""), bytes[index] != UInt8(ascii: "\\"), bytes[index] >= 0x20 {
            index += 1
        }
        return index
    }

    private mutating func escape() throws(JSONSyntaxError) {
        index += 1
        switch byte {
        case UInt8(ascii: "u"):
            let unit = try hexUnit()
            if (0xDC00...0xDFFF).contains(unit) { throw failure("\\u\(JSONText.hex(unit)) is a low surrogate without a high one") }
            guard (0xD800...0xDBFF).contains(unit) else { return }
            guard byte == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u") else {
                throw failure("\\u\(JSONText.hex(unit)) is a high surrogate without a low one after it")
            }
            index += 1
            let low = try hexUnit()
            guard (0xDC00...0xDFFF).contains(low) else {
                throw failure("\\u\(JSONText.hex(unit)) is a high surrogate without a low one after it")
            }
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
             UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            index += 1
        case nil: throw failure("the text ends inside a string")
        default: throw failure("\\\(found.dropFirst().dropLast()) is not a JSON escape")
        }
    }

    /// The four hex digits after `\u` (the index is at the `u`).
    private mutating func hexUnit() throws(JSONSyntaxError) -> UInt16 {
        index += 1
        var unit: UInt16 = 0
        for _ in 0..<4 {
            guard let current = byte, let digit = JSONText.hexValue(current) else {
                throw failure("\\u must be followed by four hex digits")
            }
            unit = unit << 4 | UInt16(digit)
            index += 1
        }
        return unit
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
    private mutating func number() throws(JSONSyntaxError) {
        let start = index
        var isDecimal = false
        if byte == UInt8(ascii: "-") { index += 1 }
        if byte == UInt8(ascii: "0") {
            index += 1
        } else {
            try digits("a digit")
        }
        if byte == UInt8(ascii: ".") {
            isDecimal = true
            index += 1
            try digits("a digit after the decimal point")
        }
        if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
            isDecimal = true
            index += 1
            if byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") { index += 1 }
            try digits("a digit in the exponent")
        }
        append(JSONEntry(kind: .number, flag: isDecimal, start: start, end: index, after: count + 1))
    }

    private mutating func digits(_ expected: String) throws(JSONSyntaxError) {
        guard let first = byte, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else {
            throw failure("expected \(expected) but found \(found)")
        }
        while let current = byte, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(current) { index += 1 }
    }

    /// The byte at the index, quoted for a message.
    private var found: String {
        guard let current = byte else { return "the end of the text" }
        return current >= 0x20 && current < 0x7F ? "'\(Character(Unicode.Scalar(current)))'" : "byte \(current)"
    }

    /// The error at the index, inside the innermost open value.
    private func failure(_ problem: String) -> JSONSyntaxError {
        var path = "$"
        for container in UnsafeBufferPointer(start: open, count: depth) {
            if tape[container.entry].kind == .object {
                guard container.key >= 0 else { continue }
                path += "." + JSONText.string(tape[container.key], in: bytes)
            } else if container.members > 0 {
                path += "[\(container.members - 1)]"
            }
        }
        return JSONSyntaxError(offset: index, path: path, problem: problem)
    }
}
