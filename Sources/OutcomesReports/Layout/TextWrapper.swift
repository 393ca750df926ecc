import Charts

/// Greedy word wrapping with a `TextMeasuring`; a word wider than the line breaks by characters.
struct TextWrapper {
    let measurer: any TextMeasuring

    func width(_ text: String, _ font: ChartFont) -> Double { measurer.measure(text, font: font).width }

    /// The lines of `text` (explicit newlines kept) that fit `width` points.
    func wrap(_ text: String, font: ChartFont, width: Double) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { paragraph in
            wrapParagraph(String(paragraph), font: font, width: width)
        }
    }

    private func wrapParagraph(_ text: String, font: ChartFont, width: Double) -> [String] {
        let words = text.split(separator: " ").map(String.init)
        var lines: [String] = []
        var line = ""
        var next = 0
        while next < words.count {
            let fitting = measurer.wordsFitting(after: line, words[next...], font: font, width: width)
            if fitting > 0 {
                let added = words[next..<next + fitting].joined(separator: " ")
                line = line.isEmpty ? added : line + " " + added
                next += fitting
                continue
            }
            if !line.isEmpty { lines.append(line) }
            var rest = words[next]
            next += 1
            while self.width(rest, font) > width, rest.count > 1 {
                var cut = rest.count - 1
                while cut > 1, self.width(String(rest.prefix(cut)), font) > width { cut -= 1 }
                lines.append(String(rest.prefix(cut)))
                rest = String(rest.dropFirst(cut))
            }
            line = rest
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }
}
