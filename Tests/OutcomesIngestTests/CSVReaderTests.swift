import Testing
import OutcomesCore
@testable import OutcomesIngest

@Suite("CSV reader")
struct CSVReaderTests {
    @Test func plainRecordsAreTrimmed() throws {
        let records = try readRecords(Array("a,b,c\n 1 , 2,3 \n".utf8))
        #expect(records.map(\.fields) == [["a", "b", "c"], ["1", "2", "3"]])
        #expect(records.map(\.row) == [1, 2])
    }

    @Test func quotedFieldsHoldCommasDoubledQuotesAndNewlines() throws {
        // Given a record whose second field spans two lines
        let text = "id,note,n\n1,\"says \"\"hi\"\", then, bye\nnext line\",2\n3,x,4\n"
        // When it is read
        let records = try readRecords(Array(text.utf8))
        // Then the multi-line record is one row (2) and the next is row 3
        #expect(records.map(\.fields) == [["id", "note", "n"], ["1", "says \"hi\", then, bye\nnext line", "2"], ["3", "x", "4"]])
        #expect(records.map(\.row) == [1, 2, 3])
        #expect(records[1].record.rawLine == "1,\"says \"\"hi\"\", then, bye\nnext line\",2")
    }

    @Test("quoted field forms", arguments: [
        ("\"a\"\"b\"", "a\"b"),            // doubled quote inside
        ("  \"padded\"  ", "padded"),       // spaces around the quotes
        ("\"\"", ""),                       // empty quoted field
        ("\"\"\"\"", "\""),                   // only a doubled quote
        ("\" in side \"", "in side"),       // values are trimmed, quoted or not
        ("\"ab\"c", "abc"),                 // lenient: text after the closing quote is kept
        ("ab\"c", "ab\"c"),                 // lenient: a quote inside an unquoted field is text
        ("\"a,\r\nb\"", "a,\r\nb"),          // CRLF inside quotes is data
    ])
    func quotedFieldForms(field: String, value: String) throws {
        let records = try readRecords(Array("x,y\n1,\(field)\n".utf8))
        #expect(records.count == 2)
        #expect(records.last?.fields == ["1", value])
    }

    @Test func crlfAndBOMAndMissingFinalNewline() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("a,b\r\n1,2\r\n3,\"4\"".utf8)
        let records = try readRecords(bytes)
        #expect(records.map(\.fields) == [["a", "b"], ["1", "2"], ["3", "4"]])
        #expect(records[1].record.rawLine == "1,2")
        // "a,b\r\n" is bytes 3-7 after the 3-byte BOM, so row 2 starts at offset 8
        #expect(records[1].record.byteOffset == 8)
    }

    @Test func blankLinesAreSkippedButCounted() throws {
        let records = try readRecords(Array("a\n\n1\r\n\r\n2\n".utf8))
        #expect(records.map(\.fields) == [["a"], ["1"], ["2"]])
        #expect(records.map(\.row) == [1, 3, 5])
    }

    @Test func emptyFieldsAndTrailingComma() throws {
        let records = try readRecords(Array("a,b,c\n,,\n1,,\n".utf8))
        #expect(records.map(\.fields) == [["a", "b", "c"], ["", "", ""], ["1", "", ""]])
    }

    @Test func unterminatedQuoteIsFlagged() throws {
        let records = try readRecords(Array("a,b\n1,\"open\n2,3\n".utf8))
        #expect(records.count == 2)
        #expect(records[1].record.unterminatedQuote)
        #expect(records[1].row == 2)
    }

    @Test func runawayQuoteStaysBoundedInMemory() throws {
        // Given a quote opened on row 2 and never closed, followed by 9 MiB of text
        let bytes = Array("a,b\n1,\"open".utf8) + [UInt8](repeating: 0x78, count: 9 << 20) + Array("\n2,3\n".utf8)
        // When it is read
        let records = try readRecords(bytes)
        // Then the rest of the file is one oversized record whose kept bytes are capped at 8 MiB
        #expect(records.count == 2)
        #expect(records[1].record.oversized)
        #expect(records[1].record.rawBytes.count <= 8 << 20)
        #expect(records[1].record.fieldCount == 0)
    }

    @Test func invalidUTF8GivesTheFileOffset() throws {
        // "a,b\n" is 4 bytes; row 2 "1,x" starts at 4; the 0xFF byte follows "1,x" at 4 + 3 = 7
        let bytes = Array("a,b\n1,x".utf8) + [0xFF] + Array("y\n2,é\n".utf8)
        let records = try readRecords(bytes)
        #expect(records[1].record.invalidUTF8Offset == 7)
        #expect(records[2].record.invalidUTF8Offset == nil)
        #expect(records[2].fields == ["2", "é"])
    }

    @Test("ill-formed UTF-8 sequences", arguments: [
        ([0xC3, 0x28], 0),            // lead byte without a continuation
        ([0x41, 0xC0, 0xAF], 1),      // overlong "/"
        ([0xED, 0xA0, 0x80], 0),      // surrogate U+D800
        ([0x41, 0x42, 0xF4, 0x90, 0x80, 0x80], 2), // above U+10FFFF
        ([0xE2, 0x82], 0),            // truncated at the end
    ] as [([UInt8], Int)])
    func utf8Validation(bytes: [UInt8], firstInvalid: Int) {
        #expect(UTF8Validation.firstInvalidIndex(in: bytes) == firstInvalid)
    }

    @Test func validMultibyteUTF8Passes() {
        #expect(UTF8Validation.firstInvalidIndex(in: Array("naïve – 東京 😀".utf8)) == nil)
    }

    @Test func recordsSpanningChunkBoundariesAreWhole() throws {
        // Given more than 1 MiB of rows, with a quoted multi-line field and CRLFs throughout
        var text = "id,note\r\n"
        for index in 0..<40_000 { text += "\(index),\"line one\r\nline, two \"\"q\"\"\"\r\n" }
        // When it is read
        let records = try readRecords(Array(text.utf8))
        // Then every record arrives intact with its row number
        #expect(records.count == 40_001)
        let bad = records.dropFirst().enumerated().first { index, record in
            record.fields != ["\(index)", "line one\r\nline, two \"q\""] || record.row != index + 2
        }
        #expect(bad == nil)
    }
}
