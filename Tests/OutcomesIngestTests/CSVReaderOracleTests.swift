import Testing
import OutcomesCore
import OutcomesTestSupport
@testable import OutcomesIngest

/// What the CSV reader finds in a record (fields, the first refused control character, the first
/// byte that is not UTF-8) against what the writer of the record knows it put there.
@Suite("CSV reader against its writer")
struct CSVReaderOracleTests {
    @Test func controlCharactersAndHighBytesDeepInLongFields() throws {
        // Row 2: field 1 holds 0x01 at its 12th byte; row 3: a tab inside an unquoted field is
        // accepted, and a quoted field of 21 bytes holds a line feed (accepted) then 0x1F at its
        // 19th byte; row 4: 0xFF after 13 plain bytes of field 0. "a,b\n" is 4 bytes, row 2 is
        // 2 + 11 + 1 + 4 + 1 = 19, row 3 is 2 + 16 + 1 + 23 + 1 = 43: row 4 starts at 66, its 0xFF is at 79.
        let row2 = Array("2,abcdefghijk\u{01}mnop\n".utf8)
        let row3 = Array("3,abcdefgh\tijklmno,\"abcdefgh\nijklmnopq\u{1F}rs\"\n".utf8)
        let row4 = Array("abcdefghijklm".utf8) + [0xFF] + Array("nopq,rstuvwxyz012\n".utf8)
        let records = try readRecords(Array("a,b\n".utf8) + row2 + row3 + row4)
        #expect(row2.count == 19 && row3.count == 43)
        #expect(records[1].record.controlCharacter?.field == 1)
        #expect(records[1].record.controlCharacter?.byte == 0x01)
        #expect(records[2].fields == ["3", "abcdefgh\tijklmno", "abcdefgh\nijklmnopq\u{1F}rs"])
        #expect(records[2].record.controlCharacter?.field == 2)
        #expect(records[2].record.controlCharacter?.byte == 0x1F)
        #expect(records[3].record.invalidUTF8Offset == 79)
        #expect(records[3].record.controlCharacter == nil)
        #expect(records[3].fields[1] == "rstuvwxyz012")
    }

    @Test func plainRecordsAcrossChunkBoundariesAndAtTheEnd() throws {
        // Given more than 1 MiB of plain records (read eight bytes at a time), CRLF and LF in
        // turn, one with leading and trailing spaces, and a last record with no line terminator
        var text = "id,name,code\n"
        for index in 0..<60_000 { text += "\(index),abcdefgh\(index % 7), x \(index % 2 == 0 ? "\r\n" : "\n")" }
        text += "60000,last,end"
        // When it is read, Then every record arrives whole, trimmed, with its row number
        let records = try readRecords(Array(text.utf8))
        #expect(records.count == 60_002)
        let bad = records.dropFirst().enumerated().first { index, record in
            let expected = index == 60_000 ? ["60000", "last", "end"] : ["\(index)", "abcdefgh\(index % 7)", "x"]
            return record.fields != expected || record.row != index + 2
        }
        #expect(bad == nil)
    }

    private static let pieces: [[UInt8]] = [
        Array("abcdefghij".utf8), Array("0123456789ABCDEFG".utf8), Array("a".utf8), Array(" ".utf8), Array(",".utf8),
        Array("\"".utf8), Array("\n".utf8), Array("\r\n".utf8), [0x09], [0x01], [0x1F], [0xC3, 0xA9], [0xFF],
        Array("x y".utf8),
    ]

    /// A field as written: quoted when it holds a comma, quote, CR or LF, or when `quoteAnyway`.
    private static func encode(_ value: [UInt8], quoteAnyway: Bool) -> (bytes: [UInt8], quoted: Bool) {
        let special: Set<UInt8> = [0x2C, 0x22, 0x0A, 0x0D]
        guard quoteAnyway || value.contains(where: special.contains) else { return (value, false) }
        return ([0x22] + value.flatMap { $0 == 0x22 ? [0x22, 0x22] : [$0] } + [0x22], true)
    }

    /// The value with spaces and tabs trimmed from both ends (SPEC: values are trimmed).
    private static func trimmed(_ value: [UInt8]) -> [UInt8] {
        var slice = value[...]
        while let first = slice.first, first == 0x20 || first == 0x09 { slice = slice.dropFirst() }
        while let last = slice.last, last == 0x20 || last == 0x09 { slice = slice.dropLast() }
        return Array(slice)
    }

    @Test(arguments: 1...12)
    func randomRecordsReadAsWritten(seed: Int) throws {
        var random = SplitMix64(seed: UInt64(seed))
        var expected: [(fields: [String], control: (field: Int, byte: UInt8)?, invalid: Int?)] = []
        var text: [UInt8] = []
        for _ in 0..<150 {
            var line: [[UInt8]] = []
            var fields: [String] = []
            var control: (field: Int, byte: UInt8)?
            for field in 0..<Int.random(in: 2...6, using: &random) {
                let value = (0..<Int.random(in: 0...6, using: &random)).flatMap { _ in
                    Self.pieces.randomElement(using: &random) ?? []
                }
                let written = Self.encode(value, quoteAnyway: Bool.random(using: &random))
                line.append(written.bytes)
                fields.append(String(decoding: Self.trimmed(value), as: UTF8.self))
                let refused = value.first { ControlCharacters.refuses($0, quoted: written.quoted) }
                if control == nil, let refused { control = (field, refused) }
            }
            let joined = Array(line.joined(separator: [0x2C]))
            expected.append((fields, control, UTF8Validation.firstInvalidIndex(in: joined)))
            text += joined + (Bool.random(using: &random) ? [0x0A] : [0x0D, 0x0A])
        }
        let records = try readRecords(text)
        #expect(records.map(\.fields) == expected.map(\.fields))
        #expect(records.map(\.row) == Array(1...150))
        for (record, wanted) in zip(records, expected) {
            #expect(record.record.controlCharacter?.field == wanted.control?.field)
            #expect(record.record.controlCharacter?.byte == wanted.control?.byte)
            #expect(record.record.invalidUTF8Offset.map { $0 - record.record.byteOffset } == wanted.invalid)
        }
    }
}
