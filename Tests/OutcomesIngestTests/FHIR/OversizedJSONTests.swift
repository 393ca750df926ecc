import Foundation
import Testing
import OutcomesCore
@testable import OutcomesIngest

/// Hostile FHIR files whose lines or documents are too long to hold: memory stays bounded, and
/// the rest of the file loads.
@Suite("Oversized FHIR lines and documents")
struct OversizedJSONTests {
    /// A valid Observation `RowSizeLimit.bytes + 1,000` bytes long (its `note` is padding).
    static let oversizedLine: String = {
        let head = #"{"resourceType":"Observation","id":"big","note":[{"text":""#
        let tail = #""}]}"#
        let padding = RowSizeLimit.bytes + 1_000 - head.utf8.count - tail.utf8.count
        return head + String(repeating: "a", count: padding) + tail
    }()

    @Test func aLineLongerThanTheLimitIsRejectedAndTheLinesAfterItLoad() throws {
        let total = FHIRAssessmentTests.observation("o4", "2026-09-14", code: "44249-1",
                                                    #""valueQuantity":{"value":12}"#)
        // 1: the Patient (used); 2: too long; 3: not an object; 4: a PHQ-9 total of 12, line 4.
        let loaded = try FHIRFixture.load([FHIRFixture.patient, Self.oversizedLine, "[1, 2, 3]", total]
            .joined(separator: "\n") + "\n")
        #expect(loaded.issues.map { "\($0.row) \($0.reason.rawValue) \($0.column ?? "")" }
                == ["2 malformed_row $", "3 malformed_row $"])
        let length = RowSizeLimit.bytes + 1_000
        #expect(loaded.issues.first?.message
                == "the line is \(length) bytes long, more than the 8 MiB the reader keeps of one resource")
        // The reject shows the line's first 8 MiB, as an oversized CSV row's does.
        #expect(loaded.issues.first?.rawLine.utf8.count == RowSizeLimit.bytes)
        #expect(loaded.issues.first?.rawLine.hasPrefix(#"{"resourceType":"Observation","id":"big""#) == true)
        #expect(loaded.assessments.map { "\($0.assessedOn) \($0.score)" } == ["2026-09-14 12"])
        // Lines 2, 3 and 4 are the assessments table's: 2 rejected, 1 loaded.
        #expect(loaded.lines(.assessments) == 3)
    }

    @Test func lineFileNumbersAndPlacesEveryLine() throws {
        // "ab\r\n", 10 MiB of x with no end, read through: offsets 0, 4 and 4 + its length.
        let long = [UInt8](repeating: UInt8(ascii: "x"), count: 10 << 20)
        let path = try TestFiles.write(Array("ab\r\n\n".utf8) + long, suffix: ".ndjson")
        var lines: [String] = []
        try LineFile(path: path, displayName: "t.ndjson").forEachLine { line in
            let text = String(decoding: line.bytes, as: UTF8.self)
            let oversized = line.oversizedLength.map(String.init) ?? "-"
            lines.append("\(line.number) \(text) \(line.start)-\(line.end) \(oversized)")
        }
        #expect(lines == ["1 ab 0-4 -", "2  4-5 -", "3  5-\(5 + (10 << 20)) \(10 << 20)"])
    }

    @Test func linesAcrossReadsAndALineOfTheLimitAreKeptWhole() throws {
        // A BOM, then lines of 1 to 200,000 bytes (reads are 65,536 bytes: most lines cross one,
        // the longest three and grow the buffer), CRLF and LF ends, two lines of exactly the limit,
        // ended by LF and by CRLF (both kept: the CR is the line end's), and a last line with no end.
        let lengths = [1, 65_535, 65_536, 65_537, 200_000, RowSizeLimit.bytes, RowSizeLimit.bytes, 3, 7]
        var file: [UInt8] = [0xEF, 0xBB, 0xBF]
        var expected: [String] = []
        var offset = 3
        for (position, length) in lengths.enumerated() {
            let letter = UInt8(ascii: "a") + UInt8(position)
            let isLast = position == lengths.count - 1
            let ending: [UInt8] = isLast ? [] : position.isMultiple(of: 2) ? [0x0D, 0x0A] : [0x0A]
            file += [UInt8](repeating: letter, count: length) + ending
            let end = offset + length + ending.count
            expected.append("\(position + 1) \(Character(Unicode.Scalar(letter)))x\(length) \(offset)-\(end)")
            offset = end
        }
        let path = try TestFiles.write(file, suffix: ".ndjson")
        var lines: [String] = []
        try LineFile(path: path, displayName: "t.ndjson").forEachLine { line in
            // Every byte the first (compared by memcmp with the line one byte on: a Set of 8 MiB took seconds here).
            let uniform = line.bytes.withUnsafeBufferPointer { bytes in
                bytes.count > 0 && memcmp(bytes.baseAddress!, bytes.baseAddress! + 1, bytes.count - 1) == 0
            }
            #expect(uniform && line.oversizedLength == nil)
            let letter = line.bytes.first.map { Character(Unicode.Scalar($0)) } ?? "?"
            lines.append("\(line.number) \(letter)x\(line.bytes.count) \(line.start)-\(line.end)")
        }
        // The first line starts after the BOM (offset 3); a CRLF line's bytes end before the CR.
        #expect(lines == expected)
    }

    @Test func aLineIsMeasuredWithoutItsBOMAndItsCR() throws {
        // Line 1: a BOM, the limit's bytes and CRLF (kept); line 2: one byte more, CRLF (oversized:
        // its length is the limit + 1, without the CR); line 3: the limit, LF (kept).
        let limit = RowSizeLimit.bytes
        let crlf: [UInt8] = [0x0D, 0x0A]
        var file: [UInt8] = [0xEF, 0xBB, 0xBF] + [UInt8](repeating: UInt8(ascii: "a"), count: limit) + crlf
        file += [UInt8](repeating: UInt8(ascii: "b"), count: limit + 1) + crlf
        file += [UInt8](repeating: UInt8(ascii: "c"), count: limit) + [0x0A]
        let path = try TestFiles.write(file, suffix: ".ndjson")
        var lines: [String] = []
        try LineFile(path: path, displayName: "t.ndjson").forEachLine { line in
            lines.append("\(line.number) \(line.bytes.count) \(line.start)-\(line.end) "
                         + "\(line.oversizedLength.map(String.init) ?? "-")")
        }
        // Offsets: line 1 is 3 + limit + 2 bytes; line 2 starts there and is limit + 1 + 2 long.
        let second = 3 + limit + 2, third = 3 + limit + 2 + limit + 3
        #expect(lines == ["1 \(limit) 3-\(second) -", "2 0 \(second)-\(third) \(limit + 1)",
                          "3 \(limit) \(third)-\(third + limit + 1) -"])
    }

    @Test func aLongLineEndedInALaterChunkIsReadThroughAndTheNextLineKept() throws {
        // Oversized lines whose ends come in later chunks (LF, then CRLF: its length leaves the
        // CR out), then a short line.
        let long = [UInt8](repeating: UInt8(ascii: "y"), count: RowSizeLimit.bytes + 70_000)
        let path = try TestFiles.write(long + Array("\n".utf8) + long + Array("\r\nnext\n".utf8), suffix: ".ndjson")
        var lines: [String] = []
        try LineFile(path: path, displayName: "t.ndjson").forEachLine { line in
            lines.append("\(line.number) \(String(decoding: line.bytes, as: UTF8.self)) \(line.start) "
                         + "\(line.oversizedLength.map(String.init) ?? "-")")
        }
        // Line 2 starts after line 1 and its LF; line 3 after line 2, its CR and its LF.
        #expect(lines == ["1  0 \(long.count)", "2  \(long.count + 1) \(long.count)",
                          "3 next \(2 * long.count + 3) -"])
        // The same line last in its file, ended by a CR and no LF: its length leaves the CR out too.
        let last = try TestFiles.write(long + [0x0D], suffix: ".ndjson")
        var lengths: [Int?] = []
        try LineFile(path: last, displayName: "t.ndjson").forEachLine { lengths.append($0.oversizedLength) }
        #expect(lengths == [long.count])
    }

    @Test func aDocumentLargerThanTheLimitIsRefusedUnlessItHasLines() throws {
        // One JSON document with no line break, larger than a Bundle may be.
        let padding = String(repeating: "a", count: FHIRContent.documentLimit)
        let document = try TestFiles.write(#"{"resourceType":"Bundle","type":"collection","id":"\#(padding)"}"#,
                                           suffix: ".json")
        #expect(throws: IngestFileError.self) { try FHIRContent.kind(path: document) }
        do {
            _ = try FHIRContent.kind(path: document)
        } catch let error as IngestFileError {
            #expect(error.message.hasPrefix("is a JSON document of 16 MiB with no line break; a Bundle or a single "
                                            + "resource is read whole, up to 16 MiB"))
        }
        // As large, with lines: NDJSON whose first line (cut short) is rejected, the others read.
        let count = FHIRContent.documentLimit / FHIRFixture.patient.utf8.count + 1
        let text = #"{"resourceType":"Patient","# + "\n" + String(repeating: FHIRFixture.patient + "\n", count: count)
        let lines = try TestFiles.write(text, suffix: ".ndjson")
        #expect(try FHIRContent.kind(path: lines) == .ndjson)
    }
}
