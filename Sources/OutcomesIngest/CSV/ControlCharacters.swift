/// The one rule for control characters in values (issue 9.2): a value holding a C0 control
/// character is refused, except tab, and CR and LF inside a quoted CSV field (RFC 4180 content).
///
/// Refused rather than kept: a NUL cuts C strings short on the way through SQLite and the
/// terminal, so the value stored, compared or shown would not be the value read. A refused data
/// row is `malformed_row` at its column; the message never quotes the value, which may be an
/// identifier.
enum ControlCharacters {
    /// True when `byte` may not appear in a value; `quoted` when the value was a quoted CSV field.
    static func refuses(_ byte: UInt8, quoted: Bool) -> Bool {
        byte < 0x20 && byte != 0x09 && !(quoted && (byte == 0x0A || byte == 0x0D))
    }

    /// The first refused byte of `text` read as an unquoted value; nil when there is none.
    static func firstRefused(in text: String) -> UInt8? {
        var text = text
        return text.withUTF8(firstRefused(in:))
    }

    /// The first refused byte of UTF-8 `bytes` read as an unquoted value; nil when there is none.
    static func firstRefused(in bytes: UnsafeBufferPointer<UInt8>) -> UInt8? {
        bytes.first { refuses($0, quoted: false) }
    }

    /// What a refused `byte` means, for people (never the value itself).
    static func problem(_ byte: UInt8) -> String {
        let hex = String(byte, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: 4 - hex.count) + hex
        return "the value holds the control character \(code); only tab, and line breaks inside quotes, are accepted"
    }
}
