/// Writes a JSON object made of dictionaries, arrays, strings, integers and booleans as one line,
/// byte for byte as `JSONSerialization` writes it with `.sortedKeys` and `.withoutEscapingSlashes`:
/// keys in case-insensitive order, no spaces, `"` `\` and control characters escaped, other text
/// as UTF-8. `JSONSerialization` sorts keys with ICU collation and casts every value through
/// `Any` bridging: a sample network's FHIR export spent 290 µs a resource there.
enum SortedJSONLine {
    /// The value's JSON text appended to `bytes`.
    static func append(_ value: Any, to bytes: inout [UInt8]) throws {
        switch value {
        case let text as String: appendString(text, to: &bytes)
        case let flag as Bool: bytes.append(contentsOf: Array((flag ? "true" : "false").utf8))
        case let number as Int: bytes.append(contentsOf: Array(String(number).utf8))
        case let object as [String: Any]:
            bytes.append(UInt8(ascii: "{"))
            for (index, key) in object.keys.sorted(by: keyOrder).enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                appendString(key, to: &bytes)
                bytes.append(UInt8(ascii: ":"))
                try append(object[key] as Any, to: &bytes)
            }
            bytes.append(UInt8(ascii: "}"))
        case let list as [Any]:
            bytes.append(UInt8(ascii: "["))
            for (index, element) in list.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                try append(element, to: &bytes)
            }
            bytes.append(UInt8(ascii: "]"))
        default:
            throw SampleDataError(message: "a FHIR sample value of type \(type(of: value)) has no JSON form")
        }
    }

    /// `JSONSerialization`'s key order for keys without digits (FHIR's): letters compared without
    /// case; keys that differ only in case with the lower-case letter first, as its collation does.
    static func keyOrder(_ a: String, _ b: String) -> Bool {
        let fold = { (byte: UInt8) in (0x41...0x5A).contains(byte) ? byte | 0x20 : byte }
        var (left, right) = (a.utf8.makeIterator(), b.utf8.makeIterator())
        while true {
            switch (left.next(), right.next()) {
            case (nil, nil): return a.utf8.map(swapCase).lexicographicallyPrecedes(b.utf8.map(swapCase))
            case (nil, _): return true
            case (_, nil): return false
            case let (x?, y?) where fold(x) != fold(y): return fold(x) < fold(y)
            default: continue
            }
        }
    }

    /// An ASCII letter in the other case; any other byte as it is.
    private static func swapCase(_ byte: UInt8) -> UInt8 {
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) ? byte ^ 0x20 : byte
    }

    private static func appendString(_ text: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [0x5C, byte])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [0x5C, 0x5C])
            case 0x08: bytes.append(contentsOf: [0x5C, UInt8(ascii: "b")])
            case 0x0C: bytes.append(contentsOf: [0x5C, UInt8(ascii: "f")])
            case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
