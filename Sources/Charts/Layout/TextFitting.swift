/// Truncating and wrapping text to a width, with a measurer.
struct TextFitting {
    let measurer: any TextMeasuring

    static let ellipsis = "\u{2026}"

    /// `text` if it fits in `width`, otherwise its longest prefix that fits followed by "…".
    func truncate(_ text: String, font: ChartFont, width: Double) -> String {
        if measurer.measure(text, font: font).width <= width { return text }
        let characters = Array(text)
        var low = 0
        var high = characters.count
        while low < high {
            let mid = (low + high + 1) / 2
            let candidate = Self.trimmed(characters[0..<mid]) + Self.ellipsis
            if measurer.measure(candidate, font: font).width <= width { low = mid } else { high = mid - 1 }
        }
        return low == 0 ? Self.ellipsis : Self.trimmed(characters[0..<low]) + Self.ellipsis
    }

    /// Greedy word wrap into lines no wider than `width`; at most `maxLines`, the last one ending in "…" if cut.
    func wrap(_ text: String, font: ChartFont, width: Double, maxLines: Int = .max) -> [String] {
        let words = text.split(separator: " ").map(String.init)
        var lines: [String] = []
        var next = 0
        while next < words.count {
            // A word wider than the line gets a line of its own, truncated below.
            let fitting = measurer.wordsFitting(after: words[next], words[(next + 1)...], font: font, width: width)
            lines.append(words[next...(next + fitting)].joined(separator: " "))
            next += fitting + 1
        }
        lines = lines.map { truncate($0, font: font, width: width) }
        guard lines.count > maxLines, maxLines > 0 else { return lines }
        let rest = lines[(maxLines - 1)...].joined(separator: " ")
        return Array(lines.prefix(maxLines - 1)) + [truncate(rest, font: font, width: width)]
    }

    private static func trimmed(_ characters: ArraySlice<Character>) -> String {
        String(characters).trimmingTrailingSpaces()
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
