import Testing
import OutcomesCore
@testable import OutcomesIngest

@Suite("Instrument files checked in full")
struct InstrumentCheckTests {
    func load(_ yaml: String) throws -> [Instrument] {
        try InstrumentFile.load(path: try TestFiles.write(yaml, suffix: ".yaml"), displayName: "instruments.yaml")
    }

    /// A new two-item instrument; `extra` adds keys at the entry's level.
    static func entry(range: String = "[0, 3]", total: String = "[0, 6]", _ extra: String = "") -> String {
        "instruments:\n  - code: X1\n    name: X\n    items: {count: 2, range: \(range)}\n"
            + "    total_range: \(total)\n" + extra
    }

    @Test("Issue 9.5: instrument files are checked in full, errors name file and line", arguments: [
        // the range of the crash: refused by its size, never built
        (entry(range: "[0, 586077665874519]"), 4, "from -1000000000000 to 1000000000000"),
        (entry(total: "[0, 1e9]"), 5, "must be a number"),
        ("instruments:\n  - code: PHQ-9\n    caseness: 100\n", 3,
         "caseness 100 is outside the reporting range 0...27"),
        ("instruments:\n  - code: PHQ-9\n    caseness: -5\n", 3, "caseness -5 is outside the reporting range 0...27"),
        ("instruments:\n  - code: PHQ-9\n    reliable_change: {points: -6}\n", 3, "points must be above 0"),
        ("instruments:\n  - code: PHQ-9\n    reliable_change: {points: 28}\n", 3, "at most 27"),
        ("instruments:\n  - code: WHO-5\n    reporting_factor: 1e308\n", 3, "reporting_factor must be a number"),
        ("instruments:\n  - code: WHO-5\n    reporting_factor: 0\n", 3, "above 0 and at most 1000"),
        ("instruments:\n  - code: WHO-5\n    reporting_factor: 1001\n", 3, "above 0 and at most 1000"),
        ("instruments:\n  - code: PHQ-9\n    response_fraction: 5\n", 3, "response_fraction must be between 0 and 1"),
        ("instruments:\n  - code: PHQ-9\n    reliability: 1\n", 3, "reliability must be between 0 and 1"),
        ("instruments:\n  - code: PHQ-9\n    reliability: nan\n", 3, "reliability must be between 0 and 1"),
        ("instruments:\n  - code: PHQ-9\n    remission_below: 30\n", 3, "remission_below 30 is outside"),
        ("instruments:\n  - code: PHQ-9\n    bands:\n      - {label: a, from: 0, to: 10}\n"
         + "      - {label: b, from: 10, to: 27}\n",
         5, "band 'b' must start above the end of 'a' (10)"),
        ("instruments:\n  - code: PHQ-9\n    bands:\n      - {label: b, from: 10, to: 27}\n"
         + "      - {label: a, from: 0, to: 9}\n",
         5, "band 'a' must start above the end of 'b' (27)"),
        ("instruments:\n  - code: PHQ-9\n    bands:\n      - {label: a, from: 0, to: 30}\n", 4,
         "band 'a' 0-30 is outside"),
        (entry("    decimals: 4\n"), 6, "decimals must be 0 to 3"),
        (entry(range: "[0, 2.5]"), 4, "items range bound 2.5 has more than 0 decimal places"),
        (entry(total: "[0, 6.5]"), 5, "total bound 6.5 has more than 0 decimal places"),
        ("instruments:\n  - code: X1\n    name: X\n    items: {count: 2, range: [0, 10], step: 3}\n"
         + "    total_range: [0, 20]\n",
         4, "is not a whole number of steps of 3"),
        ("instruments:\n  - code: X1\n    name: X\n    items: {count: 1000, range: [0, 999999999999]}\n"
         + "    total_range: [0, 6]\n",
         4, "the items can add up to"),
        ("instruments:\n  - code: X1\n    name: X\n    items: {count: 2, range: [0, 3]}\n"
         + "    total_range: [0, 999999999999]\n"
         + "    reporting_factor: 2\n", 6, "the reporting scale reaches"),
        ("instruments:\n  - code: X1\n    name: X\n    decimals: 3\n    items: {count: 2, range: [0, 3]}\n"
         + "    total_range: [0, 6]\n    reporting_factor: 0.0001\n", 7, "at most 3 decimals"),
    ])
    func refused(yaml: String, line: Int, fragment: String) throws {
        do {
            _ = try load(yaml)
            Issue.record("expected an error")
        } catch let error as IngestFileError {
            #expect(error.file == "instruments.yaml")
            #expect(error.line == line, "\(error)")
            #expect(error.message.contains(fragment), "\(error)")
        }
    }

    @Test("a range of 100,000,001 values costs three numbers, not 820 MB")
    func hugeRangesStayRanges() throws {
        let instrument = try #require(try load(Self.entry(range: "[0, 100000000]", total: "[0, 200000000]")).first)
        // 0, 1, ..., 100000000: 100000001 values
        #expect(instrument.itemValues[0].count == 100_000_001)
        #expect(instrument.itemValues[0].contains(99_999_999) && !instrument.itemValues[0].contains(100_000_001))
        #expect(instrument.score(items: [100_000_000, 7]) == .scored(total: 100_000_007, method: .complete))
    }

    @Test("negative ranges, decimal steps and bands that fit are accepted")
    func negativeAndDecimalInstrumentsLoad() throws {
        let yaml = """
            instruments:
              - code: SHIFT
                name: Mood shift
                decimals: 1
                items: {count: 2, range: [-5, 5], step: 0.5}
                total_range: [-10, 10]
                direction: higher_is_better
                bands: [{label: low, from: -10, to: -0.1}, {label: high, from: 0, to: 10}]
                caseness: -2.5
                reliable_change: {points: 2.5}
            """
        let shift = try #require(try load(yaml).first)
        #expect(shift.decimals == 1 && shift.totalRange == -10...10)
        // -4.5 + 2.0 = -2.5: a case (at or below -2.5 on a higher-is-better scale)
        let items: [Score?] = [Score("-4.5"), Score("2.0")]
        guard case .scored(let total, _) = shift.score(items: items) else { Issue.record("expected a score"); return }
        #expect(total == Score("-2.5") && shift.isCase(total) && shift.band(for: total)?.label == "low")
        // 0.25 is not a response: the step is 0.5
        #expect(shift.score(items: [Score("0.25"), 0]) == .itemOutOfRange(item: 1, value: Score("0.25") ?? 0))
    }
}
