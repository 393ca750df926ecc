import Testing
@testable import OutcomesAnalysis

@Suite("Text columns")
struct TextColumnsTests {
    @Test("columns as wide as their widest cell, two spaces apart, right alignment on request, no trailing spaces")
    func layout() {
        // Column 0 is 4 wide ("name"), column 1 is 5 wide ("count"); column 1 right-aligned.
        let lines = TextColumns.lines([["name", "count"], ["ab", "7"], ["", "12345"]], rightAligned: [1])
        #expect(lines == ["name  count", "ab        7", "      12345"])
        // Left-aligned, a short last cell leaves no spaces after it.
        #expect(TextColumns.lines([["a", "bbb"], ["cc", "d"]]) == ["a   bbb", "cc  d"])
    }
}
