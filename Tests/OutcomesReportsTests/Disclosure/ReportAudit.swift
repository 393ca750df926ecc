import OutcomesAnalysis
import OutcomesTestSupport
@testable import OutcomesReports

/// The attack an external report must withstand, on the report's whole text: every count any
/// page withholds is bounded again from everything the document publishes (`DisclosureAudit`).
enum ReportAudit {
    struct Result {
        /// One line per withheld count a reader can work out (bounds of one value), or narrow
        /// although the engine said it was protected.
        var problems: [String] = []
        /// "<11" counts a reader can narrow (never pin down) because every count they relate to
        /// is itself 1 to 10 or 0: the engine says so (`isProtected` false) and no count of 11 or
        /// more could be withheld to widen them (a period total of 4 made of two months of 2 and
        /// ten months of 0 is 2 to 10).
        var narrowed: [String] = []
        /// "suppressed" figures the rest of the document gives back: wasted, never a small count.
        var pinnedComplementary = 0
        var primary = 0
        var complementary = 0
    }

    /// Audits the one disclosure decision of `definition` (made external) on `inputs`.
    static func audit(_ definition: ReportDefinition, _ inputs: ReportInputs) -> Result {
        var external = definition
        external.audience = .external
        let disclosure = ReportBuilder(definition: external, inputs: inputs, measurer: FixedWidthTextMeasurer()).disclosure()
        guard let (output, decision) = disclosure.decision else { return Result(problems: ["no decision"]) }
        var result = Result()
        let exposed = Set(decision.exposed)
        let small = DisclosureControl.smallCounts
        for (cell, bounds) in DisclosureAudit.bounds(output, marks: decision.marks).sorted(by: { $0.key < $1.key }) {
            let name = "\(output.cells[cell].name) = \(output.cells[cell].value), bounds \(bounds)"
            switch decision.marks[cell] {
            case .primary:
                result.primary += 1
                if bounds.low == bounds.high {
                    result.problems.append("<11 pinned: " + name)
                } else if bounds.low > small.lowerBound || (bounds.high ?? .max) < small.upperBound {
                    if exposed.contains(cell) { result.narrowed.append(name) } else { result.problems.append("<11 narrowed: " + name) }
                }
            case .complementary:
                result.complementary += 1
                // Pinned by the rest, it protects nothing but reveals nothing new either (never 1 to 10)
                if bounds.low == bounds.high { result.pinnedComplementary += 1 }
            case .shown, .notDisplayed: break
            }
        }
        return result
    }
}
