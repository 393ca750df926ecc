import Testing
import OutcomesCore
@testable import OutcomesIngest

@Suite("FHIR lines under random damage")
struct FHIRFuzzTests {
    /// SplitMix64: the same seed, the same damage on every machine.
    struct Random {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
    }

    /// Bytes that matter to JSON, and a few that are not UTF-8; no line ends (a line stays one line).
    static let damage: [UInt8] = Array(#"{}[]":,\u0123456789eE.-+ntfa"#.utf8) + [0x00, 0x09, 0x7F, 0xC3, 0xE2, 0xFF]

    /// `line` with one to four bytes replaced, deleted or inserted.
    static func damaged(_ line: String, _ random: inout Random) -> [UInt8] {
        var bytes = Array(line.utf8)
        for _ in 0...random.next(4) {
            let position = random.next(bytes.count + 1)
            let byte = damage[random.next(damage.count)]
            switch random.next(3) {
            case 0 where position < bytes.count: bytes[position] = byte
            case 1 where position < bytes.count: bytes.remove(at: position)
            default: bytes.insert(byte, at: position)
            }
        }
        return bytes
    }

    static let validLines = Array(FHIRAssessmentTests.lines.prefix(18)) + [FHIRRowTests.episodeOfCare]

    @Test func damagedTextNeverCrashesTheParserAndEveryFailureHasAPathAndAMessage() {
        var random = Random(state: 2026)
        var failures = 0
        for round in 0..<3000 {
            let bytes = Self.damaged(Self.validLines[round % Self.validLines.count], &random)
            var reader = JSONReader()
            do throws(JSONProblem) {
                _ = try reader.read(bytes[...]) { node throws(JSONShapeError) in try FHIRResource(json: node, indexOnly: false) }
            } catch {
                failures += 1
                #expect(error.path.hasPrefix("$") && !error.message.isEmpty)
            }
        }
        // Damage nearly always breaks the JSON; a few damaged lines are still resources.
        #expect(failures > 2000 && failures < 3000)
    }

    @Test func eachDamagedLineIsLoadedSkippedOrRejectedWithItsLineAndReason() throws {
        var random = Random(state: 10)
        let damageable = Array(FHIRAssessmentTests.lines[1..<18])
        for round in 0..<120 {
            let line = String(decoding: Self.damaged(damageable[round % damageable.count], &random), as: UTF8.self)
            guard line.contains(where: { $0 != " " && $0 != "\t" }) else { continue }
            // Line 1 is the patient and line 3 an episode, untouched, so that the file always
            // feeds a table; line 2 is the damaged one.
            let text = [FHIRFixture.patient, line, FHIRRowTests.episodeOfCare].joined(separator: "\n")
            let loaded = try FHIRFixture.load(text, mapping: FHIRRowTests.mapping)
            let accounted = CanonicalTable.allCases.map(loaded.lines).reduce(0, +)
                + loaded.account.used.values.reduce(0, +) + loaded.account.skipped.values.reduce(0, +)
            #expect(accounted == 3, "round \(round): \(line)")
            #expect(loaded.account.used == ["Patient": 1])
            for issue in loaded.issues {
                #expect(issue.row == 2 && issue.column?.hasPrefix("$") == true && !issue.message.isEmpty, "\(issue)")
            }
        }
    }
}
