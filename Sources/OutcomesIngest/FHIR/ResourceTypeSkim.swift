import Foundation

/// Finds the top-level `resourceType` of an NDJSON line without parsing it: strings are passed
/// over (escapes included) and nesting is counted, so that a contained resource's type is not
/// taken for the line's. Not a check: a line skimmed may still be malformed (the load pass
/// parses every line and rejects it then). The first pass skims the lines of types it keeps
/// nothing of, once a line of that type has parsed in the file (`FHIRLineReader.forEachLine`).
enum ResourceTypeSkim {
    /// The types whose lines the first pass keeps nothing of but their type (their table); a
    /// QuestionnaireResponse only when it names no `encounter` (`FHIRIndex` notes that one).
    static let types = ["Encounter", "Appointment", "Goal", "QuestionnaireResponse"]
    /// `types` as UTF-8 bytes, compared with a line's bytes in place (through `String.UTF8View`,
    /// byte by byte, the comparisons were a third of the skim).
    private static let typeBytes = types.map { Array($0.utf8) }
    private static let resourceTypeName = Array("resourceType".utf8)
    private static let encounterName = Array("encounter".utf8)

    /// The position in `types` of the line's top-level `resourceType` when the first pass
    /// keeps nothing of the line; nil otherwise, or when it is not found.
    static func type(of line: UnsafeBufferPointer<UInt8>) -> Int? {
        var type: Int?
        var typeFound = false
        var namesEncounter = false
        forEachTopLevelMember(of: line) { key, value in
            if !typeFound, equal(key, resourceTypeName) {
                // The first of repeated names counts, as in `JSONNode.member`.
                typeFound = true
                type = value.flatMap { value in typeBytes.firstIndex { equal(value, $0) } }
            } else if equal(key, encounterName) {
                namesEncounter = true
            }
            // Once the type is known, only a response's `encounter` may still change the answer.
            return !typeFound || (type.map { types[$0] == "QuestionnaireResponse" } == true && !namesEncounter)
        }
        guard let type else { return nil }
        return types[type] == "QuestionnaireResponse" && namesEncounter ? nil : type
    }

    /// True when `bytes` are `name`'s.
    private static func equal(_ bytes: UnsafeBufferPointer<UInt8>.SubSequence, _ name: [UInt8]) -> Bool {
        guard bytes.count == name.count else { return false }
        return name.withUnsafeBufferPointer { name in
            memcmp(bytes.base.baseAddress! + bytes.startIndex, name.baseAddress!, name.count) == 0
        }
    }

    /// The position in `types` of `resourceType`.
    static func position(of resourceType: String) -> Int? { types.firstIndex(of: resourceType) }

    /// Calls `body` with each top-level member name of an object line and, when the value is a
    /// string, its bytes (escapes left as written; nil for another value), until `body` returns
    /// false (the rest of the line is then not read: most lines are skimmed for their type alone).
    private static func forEachTopLevelMember(
        of line: UnsafeBufferPointer<UInt8>,
        _ body: (UnsafeBufferPointer<UInt8>.SubSequence, UnsafeBufferPointer<UInt8>.SubSequence?) -> Bool) {
        let count = line.count
        var index = 0
        var depth = 0
        while index < count {
            switch line[index] {
            case UInt8(ascii: "\""):
                let start = index + 1
                index = stringEnd(line, from: start)
                guard index < count else { return }
                let string = line[start..<index]
                index += 1
                guard depth == 1 else { continue }
                index = skipSpace(line, from: index)
                guard index < count, line[index] == UInt8(ascii: ":") else { continue }
                index = skipSpace(line, from: index + 1)
                guard index < count, line[index] == UInt8(ascii: "\"") else {
                    if !body(string, nil) { return }
                    continue
                }
                let end = stringEnd(line, from: index + 1)
                guard end < count else { return }
                if !body(string, line[(index + 1)..<end]) { return }
                index = end + 1
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
                index += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                index += 1
            default: index += 1
            }
        }
    }

    /// The index of the quote closing a string whose first byte is at `start` (`count` when none).
    @inline(__always)
    private static func stringEnd(_ line: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        while true {
            index = JSONTapeParser.plainEnd(line, from: index)
            guard index < line.count else { return line.count }
            switch line[index] {
            case UInt8(ascii: "\""): return index
            case UInt8(ascii: "\\"): index += 2
            default: index += 1 // a control character: the load pass rejects the line
            }
        }
    }

    private static func skipSpace(_ line: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        while index < line.count {
            switch line[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return index
            }
        }
        return index
    }
}
