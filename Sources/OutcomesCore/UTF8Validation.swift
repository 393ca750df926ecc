/// UTF-8 well-formedness (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF).
/// One definition for CSV rows, mapping, instrument and report definition files.
public enum UTF8Validation {
    /// The index of the first byte of the first ill-formed sequence; nil when
    /// every byte is valid.
    public static func firstInvalidIndex(in bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { firstInvalidIndex(in: $0) }
    }

    /// The index of the first byte of the first ill-formed sequence; nil when every byte is valid.
    public static func firstInvalidIndex(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = UnsafeRawPointer(bytes.baseAddress) else { return nil }
        var index = 0
        let count = bytes.count
        while index < count {
            // Eight ASCII bytes at a time (most text is ASCII): no byte has its high bit set.
            while index + 8 <= count, base.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                index += 8
            }
            guard index < count else { break }
            let lead = bytes[index]
            if lead < 0x80 { index += 1; continue }
            let length: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: return index
            }
            for offset in 1..<length {
                guard index + offset < count else { return index }
                let byte = bytes[index + offset]
                let (low, high) = offset == 1 ? (lower, upper) : (UInt8(0x80), UInt8(0xBF))
                guard byte >= low, byte <= high else { return index }
            }
            index += length
        }
        return nil
    }
}

extension UTF8Validation {
    /// A whole text file's bytes as a string; `InvalidUTF8` names where they stop being UTF-8
    /// (a lossy decode would turn the bad bytes into U+FFFD and hide them).
    public static func text(_ bytes: [UInt8]) throws(InvalidUTF8) -> String {
        if let offset = firstInvalidIndex(in: bytes) {
            let line = 1 + bytes[..<offset].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            throw InvalidUTF8(offset: offset, line: line)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Where a text file stops being UTF-8.
public struct InvalidUTF8: Error, Hashable, Sendable, CustomStringConvertible {
    /// The 0-based offset in the file of the first byte of the first ill-formed sequence.
    public var offset: Int
    /// The 1-based line that byte is on.
    public var line: Int

    public var description: String { "not valid UTF-8 at byte offset \(offset)" }
}
