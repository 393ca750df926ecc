import Testing
import OutcomesCore
@testable import OutcomesIngest

/// Rows made from FHIR resources laid out as CSV records: each value in its column's field, the
/// last value of a column kept, control characters found in the values kept.
@Suite("FHIR rows as CSV records")
struct FHIRRecordMakerTests {
    let layout = FHIRLayout(table: .sessions, header: ["session_id", "episode_id", "session_date", "status"],
                            mapping: Mapping())

    static func row(_ values: [(String, String?)]) -> FHIRRow {
        var row = FHIRRow()
        for (column, value) in values { row.set(column, value, at: "$.\(column)") }
        return row
    }

    @Test func eachValueGoesToItsColumnWhateverTheOrderOfTheRowBefore() {
        var maker = FHIRRecordMaker()
        // The first row sets its columns in one order (the hints), the second in another, with a
        // column the header lacks in between: every value still lands in its own field.
        let first = maker.record(Self.row([("session_id", "s1"), ("episode_id", "E1"), ("status", "attended")]),
                                 number: 2, in: layout)
        #expect(first.fields == ["s1", "E1", "", "attended"])
        #expect(first.row == 2)
        let second = maker.record(Self.row([("status", "no_show"), ("not_a_column", "x"), ("session_id", "s2"),
                                            ("session_date", "2026-10-01")]), number: 3, in: layout)
        #expect(second.fields == ["s2", "", "2026-10-01", "no_show"])
        let third = maker.record(Self.row([("session_id", "s3"), ("episode_id", "E3")]), number: 4, in: layout)
        #expect(third.fields == ["s3", "E3", "", ""])
    }

    @Test func theLastValueOfAColumnIsKeptAndNoValueIsBlank() {
        var maker = FHIRRecordMaker()
        var row = Self.row([("session_id", "s1"), ("status", "finished"), ("status", "attended"), ("episode_id", "E1")])
        row.remove("episode_id")
        let record = maker.record(row, number: 2, in: layout)
        #expect(record.fields == ["s1", "", "", "attended"])
    }

    @Test func theControlCharacterReportedIsInTheFirstFieldOfTheValuesKept() {
        var maker = FHIRRecordMaker()
        // Fields 3 (status) and 1 (episode_id) hold control characters, set in that order: field 1 is named.
        let both = maker.record(Self.row([("status", "a\u{7}b"), ("episode_id", "E\u{1}")]), number: 2, in: layout)
        #expect(both.controlCharacter?.field == 1)
        #expect(both.controlCharacter?.byte == 0x01)
        // A value holding one replaced by a clean value: the next field holding one is named, then none.
        let replaced = maker.record(Self.row([("episode_id", "E\u{1}"), ("status", "a\u{7}b"), ("episode_id", "E1")]),
                                    number: 3, in: layout)
        #expect(replaced.controlCharacter?.field == 3)
        #expect(replaced.controlCharacter?.byte == 0x07)
        let clean = maker.record(Self.row([("episode_id", "E\u{1}"), ("episode_id", "E1")]), number: 4, in: layout)
        #expect(clean.controlCharacter == nil)
        #expect(clean.fields == ["", "E1", "", ""])
    }
}
