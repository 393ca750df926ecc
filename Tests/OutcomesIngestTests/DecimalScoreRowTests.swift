import Testing
import OutcomesCore
@testable import OutcomesIngest

@Suite("Decimal and negative scores in assessment rows")
struct DecimalScoreRowTests {
    /// Two items 0-50 in steps of 0.5, one decimal, total 0-100; and a scale from -10 to 10.
    static let registry: InstrumentRegistry = {
        var registry = InstrumentRegistry.builtIn
        registry.register([
            Instrument(code: "DEC", name: "Decimal", decimals: 1,
                       itemValues: Array(repeating: ItemValues(0...50, step: Score("0.5")!), count: 2),
                       totalRange: 0...100),
            Instrument(code: "NEG", name: "Negative", itemValues: [ItemValues(-5...5), ItemValues(-5...5)],
                       totalRange: -10...10),
        ])
        return registry
    }()

    func result(_ row: String) throws -> RowResult? {
        let csv = "episode_id,assessed_on,instrument,item_1,item_2,total\n" + row + "\n"
        return try TestFiles.ingest(csv, registry: Self.registry).results.first
    }

    @Test("Issue 9.6: 62.5 loads on a one-decimal instrument, exactly; a whole-number instrument refuses it clearly")
    func decimalTotals() throws {
        // 31 + 31.5 = 62.5: items and total agree exactly
        guard case .record(_, .assessment(let decimal)) = try result("E2,2026-10-02,DEC,31,31.5,62.50") else {
            Issue.record("expected DEC 62.5 to load")
            return
        }
        #expect(decimal.score.units == 625 && decimal.score.decimals == 1 && decimal.scoring == .complete)
        #expect(decimal.items.map { $0?.description } == ["31.0", "31.5"])
        guard case .rejected(let whole) = try result("E2,2026-10-02,PHQ-9,,,62.5") else {
            Issue.record("expected a reject")
            return
        }
        #expect(whole.reason == .badNumber && whole.column == "total")
        #expect(whole.message == "the value is not a whole number: PHQ-9 scores are whole numbers")
        guard case .rejected(let precise) = try result("E2,2026-10-02,DEC,,,62.55") else {
            Issue.record("expected a reject")
            return
        }
        #expect(precise.reason == .badNumber)
        #expect(precise.message == "the value is not a number: DEC scores are numbers with at most 1 decimal place")
        // 31.2 is a number with one decimal but not a step of 0.5
        guard case .rejected(let step) = try result("E2,2026-10-02,DEC,31.2,31,62.2") else {
            Issue.record("expected a reject")
            return
        }
        #expect(step.reason == .outOfRange && step.column == "item_1")
        #expect(step.message.contains("allowed: 0-50 in steps of 0.5"))
    }

    @Test("negative totals within a negative range load; items and total agree")
    func negativeTotals() throws {
        // -5 + 2 = -3
        guard case .record(_, .assessment(let negative)) = try result("E2,2026-10-02,NEG,-5,2,-3") else {
            Issue.record("expected NEG -3 to load")
            return
        }
        #expect(negative.score == -3)
        guard case .rejected(let below) = try result("E2,2026-10-02,NEG,,,-11") else {
            Issue.record("expected a reject")
            return
        }
        #expect(below.reason == .outOfRange && below.message == "-11 is outside the NEG total range -10...10")
    }
}
