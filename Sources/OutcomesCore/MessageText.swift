/// Source values quoted in messages for people (issue 9.7). One rule for every message that
/// echoes a value from a CSV, mapping, instrument or report definition file.
public enum MessageText {
    /// The most characters of a value a message shows.
    public static let quotedLimit = 60

    /// `value` in single quotes, cut to `quotedLimit` characters with an ellipsis (a 50 MB value
    /// is never echoed whole), control characters shown as U+FFFD so that a message stays one
    /// line. Never used on identifier columns: messages must not carry patient, episode,
    /// session, goal or staff identifiers.
    public static func quoted(_ value: String) -> String {
        var shown = ""
        var characters = 0
        for character in value {
            if characters == quotedLimit { return "'\(shown)…'" }
            let isControl = character.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
            shown.append(isControl ? "\u{FFFD}" : character)
            characters += 1
        }
        return "'\(shown)'"
    }
}
