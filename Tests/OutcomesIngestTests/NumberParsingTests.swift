import Testing
@testable import OutcomesIngest

@Suite("Number parsing")
struct NumberParsingTests {
    static func parse(_ text: String) -> Int? {
        let bytes = Array(text.utf8)
        return NumberParsing.integer(bytes, 0..<bytes.count)
    }

    @Test("Issue 9.1: a 20-digit age is bad_number, not a crash", arguments: [
        "99999999999999999999",  // 20 digits: the multiplication overflowed Int64 before the count check
        "-9223372036854775808",  // Int64.min: 19 digits
        "9223372036854775807",   // Int64.max: 19 digits
        "1000000000000000",      // 16 digits: one past the 15-digit limit
        "0000000000000000000000000000000000000001",
    ])
    func tooManyDigitsIsNotANumber(text: String) {
        #expect(Self.parse(text) == nil)
    }

    @Test(arguments: [("999999999999999", 999_999_999_999_999), ("-42", -42), ("+7", 7), ("3.00", 3)])
    func wholeNumbersUpToFifteenDigits(text: String, value: Int) {
        #expect(Self.parse(text) == value)
    }

    @Test("Issue 9.1: a 20-digit age is rejected as bad_number on its row")
    func hugeAgeIsBadNumber() throws {
        let csv = "patient_id,episode_id,program,admission_date,age_at_admission\n"
            + "P1,E1,sud,2026-10-01,99999999999999999999\n"
            + "P2,E2,sud,2026-10-01,-9223372036854775808\n"
        let results = try TestFiles.ingest(csv).results
        #expect(results.count == 2)
        for result in results {
            guard case .rejected(let issue) = result else { Issue.record("expected a reject"); continue }
            #expect(issue.reason == .badNumber && issue.column == "age_at_admission", "\(issue)")
        }
    }
}
