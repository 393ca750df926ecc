/// JSON string literals, written by hand so that output bytes never depend on an encoder's
/// settings (metric JSON, load summaries and history rows are compared byte for byte).
public enum JSONString {
    /// `text` as a JSON string literal, quotes included.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

/// RFC 4180 CSV fields, and the one CSV injection rule every CSV the tool writes follows: a cell of
/// text goes through `escapedText`; only a number the tool computed goes through `escaped`.
public enum CSVField {
    /// `field` quoted when it holds a comma, a quote or a line break (quotes doubled): for numbers
    /// the tool computes, which stay numbers (`-0.25` is not prefixed). Text goes through `escapedText`.
    ///
    /// Checked byte by byte: Swift's `"\r\n"` is one Character, equal to neither `"\r"` nor `"\n"`.
    public static func escaped(_ field: String) -> String {
        let needsQuotes = field.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
        guard needsQuotes else { return field }
        return "\"" + field.replacing("\"", with: "\"\"") + "\""
    }

    /// `escaped`, after a text taken from input that starts with `=`, `+`, `-`, `@`, a tab or a
    /// carriage return gets a leading `'`, so that a spreadsheet never reads it as a formula
    /// (SPEC section 6, the OWASP CSV injection rule).
    public static func escapedText(_ field: String) -> String {
        guard let first = field.utf8.first, [0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D].contains(first) else {
            return escaped(field)
        }
        return escaped("'" + field)
    }
}
