import Charts
import OutcomesTestSupport
import Testing

/// Greedy line filling guessed from word widths and checked by measuring whole lines.
struct LineFillingTests {
    let font = ChartFont(size: 10)

    /// 6 pt a character, and each space between words 6 pt more than a space alone (a crude kerning):
    /// a guess from the parts is too long.
    struct WideningMeasurer: TextMeasuring {
        func measure(_ text: String, font: ChartFont) -> TextMetrics {
            let spaces = text == " " ? 0 : text.filter { $0 == " " }.count
            return TextMetrics(width: Double(6 * (text.count + spaces)), ascent: 8, descent: 2)
        }
    }

    /// 6 pt a character, but a space alone measures 12 pt: a guess from the parts is too short.
    struct NarrowingMeasurer: TextMeasuring {
        func measure(_ text: String, font: ChartFont) -> TextMetrics {
            TextMetrics(width: text == " " ? 12 : Double(6 * text.count), ascent: 8, descent: 2)
        }
    }

    @Test func aGuessTooLongIsCheckedDown() {
        // Guess: "ab" 12 + (6 + 18) for " cde" = 36 <= 40, + (6 + 6) = 48 > 40, so 2 words.
        // Measured: "ab cde" is (6 + 1) * 6 = 42 > 40, "ab" is 12: 1 word.
        let count = WideningMeasurer().wordsFitting(after: "", ["ab", "cde", "f"], font: font, width: 40)
        #expect(count == 1)
    }

    @Test func aGuessTooShortIsCheckedUp() {
        // Guess: "ab" 12 + (12 + 12) for " cd" = 36 > 30, so 1 word.
        // Measured: "ab cd" is 5 * 6 = 30 <= 30, "ab cd ef" 48 > 30: 2 words.
        let count = NarrowingMeasurer().wordsFitting(after: "", ["ab", "cd", "ef"], font: font, width: 30)
        #expect(count == 2)
    }

    @Test func wordsJoinALineAlreadyStarted() {
        // 6 pt a character: "Signal: Feb" is 66 pt; " 26" makes 84 <= 90, " above" 120 > 90.
        let count = FixedWidthTextMeasurer().wordsFitting(after: "Signal: Feb", ["26", "above", "the"], font: font,
                                                          width: 90)
        #expect(count == 1)
    }

    /// Records what it is asked to measure.
    final class CountingMeasurer: TextMeasuring {
        var texts: [String] = []
        func measure(_ text: String, font: ChartFont) -> TextMetrics {
            texts.append(text)
            return TextMetrics(width: Double(6 * text.count), ascent: 8, descent: 2)
        }
    }

    @Test func noWordsLeftMeansNothingToMeasure() {
        let measurer = CountingMeasurer()
        #expect(measurer.wordsFitting(after: "last", [], font: font, width: 10) == 0)
        #expect(measurer.texts.isEmpty)
    }

    @Test func theCountIsWhatAddingOneWordAtATimeGives() {
        var random = SplitMix64(seed: 13)
        let measurers: [any TextMeasuring] = [WideningMeasurer(), NarrowingMeasurer(), FixedWidthTextMeasurer()]
        for _ in 0..<300 {
            let words = (0..<Int.random(in: 1...9, using: &random)).map { _ in
                String(repeating: "x", count: Int.random(in: 1...8, using: &random))
            }
            let line = Bool.random(using: &random) ? "" : "lead"
            let width = Double(Int.random(in: 0...150, using: &random))
            for measurer in measurers {
                var oneAtATime = 0
                var current = line
                for word in words {
                    let candidate = current.isEmpty ? word : current + " " + word
                    guard measurer.measure(candidate, font: font).width <= width else { break }
                    current = candidate
                    oneAtATime += 1
                }
                #expect(measurer.wordsFitting(after: line, words[...], font: font, width: width) == oneAtATime)
            }
        }
    }
}
