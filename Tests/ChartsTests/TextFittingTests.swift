@testable import Charts
import OutcomesTestSupport
import Testing

struct TextFittingTests {
    // 10 pt fixed width: 6 pt per character.
    let fit = TextFitting(measurer: FixedWidthTextMeasurer())
    let font = ChartFont(size: 10)

    @Test func shortTextIsLeftAlone() {
        #expect(fit.truncate("Completed", font: font, width: 60) == "Completed")
    }

    @Test func longTextEndsInAnEllipsisWithinTheWidth() {
        let text = fit.truncate("Lost to contact", font: font, width: 42)
        #expect(text == "Lost t\u{2026}")
        #expect(FixedWidthTextMeasurer().measure(text, font: font).width <= 42)
    }

    @Test func wrappingBreaksAtWordsAndCapsTheLineCount() {
        let lines = fit.wrap("Signal: Feb 26 above the upper limit (88%).", font: font, width: 90, maxLines: 2)
        #expect(lines == ["Signal: Feb 26", "above the uppe\u{2026}"])
    }
}
