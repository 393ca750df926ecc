extension TextMeasuring {
    /// How many of `words` join `line` (each after a single space) on one line no wider than `width`:
    /// the greedy line filling both word wrappers use.
    ///
    /// When the rest does not fit whole, the count is guessed from the widths of the line, a space and each word
    /// (words recur, so a caching measurer measures each once), then checked by measuring the whole line at the
    /// guess and one word further. That gives what adding and measuring one word at a time gives whenever a longer
    /// line is never narrower, in about two measurements of a long line instead of one a word.
    public func wordsFitting(after line: String, _ words: ArraySlice<String>, font: ChartFont, width: Double) -> Int {
        func fits(_ count: Int) -> Bool {
            let added = words.prefix(count).joined(separator: " ")
            return measure(line.isEmpty ? added : line + " " + added, font: font).width <= width
        }
        guard !words.isEmpty else { return 0 }
        // The whole rest is measured first only when it may fit, guessed at a quarter of an em a byte (a space or
        // an `i` is wider): measuring every rest shaped about n^2 / 2 lines for a paragraph of n. A rest that fits
        // after all is still found by the check after the guess, so the count is the same either way.
        let restBytes = words.reduce(line.utf8.count) { $0 + 1 + $1.utf8.count }
        if Double(restBytes) * font.size / 4 <= width, fits(words.count) { return words.count }
        let space = measure(" ", font: font).width
        var estimate = line.isEmpty ? -space : measure(line, font: font).width
        var count = 0
        for word in words {
            estimate += space + measure(word, font: font).width
            if estimate > width { break }
            count += 1
        }
        if count > 0, !fits(count) {
            repeat { count -= 1 } while count > 0 && !fits(count)
            return count
        }
        while count < words.count, fits(count + 1) { count += 1 }
        return count
    }
}
