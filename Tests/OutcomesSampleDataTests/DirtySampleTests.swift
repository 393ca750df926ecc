import Foundation
import OutcomesCore
import Testing
@testable import OutcomesSampleData

@Suite("Dirty sample")
struct DirtySampleTests {
    /// Parses the hand-typed expected CSVs into (file, column values) rows.
    static func table(_ text: String) -> [[String]] {
        text.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    @Test("the hand-counted accounting agrees with each row's annotation")
    func accounting() {
        var expected: [String: [Int]] = [:]
        for row in Self.table(DirtyExpected.accounting) { expected[row[0]] = row.dropFirst().compactMap { Int($0) } }
        for file in DirtyRows.files {
            var loaded = 0, updated = 0, duplicates = 0, rejected = 0
            for row in file.rows {
                switch row.outcome {
                case .loaded: loaded += 1
                case .updated: updated += 1
                case .duplicate: duplicates += 1
                case .rejected: rejected += 1
                }
            }
            #expect(expected[file.name] == [file.rows.count, loaded, updated, duplicates, rejected], "\(file.name)")
        }
    }

    @Test("the hand-counted rejects agree with each row's annotation, and every reason code occurs")
    func rejects() {
        var counted: [String: Int] = [:]
        for file in DirtyRows.files {
            for row in file.rows {
                if case .rejected(let reason, _) = row.outcome { counted["\(file.name),\(reason.rawValue)", default: 0] += 1 }
            }
        }
        var expected: [String: Int] = [:]
        for row in Self.table(DirtyExpected.rejects) { expected["\(row[0]),\(row[1])"] = Int(row[2]) }
        #expect(counted == expected)
        let reasons = Set(counted.keys.compactMap { $0.split(separator: ",").last.map(String.init) })
        // ambiguous_episode needs rows keyed by patient, which the canonical dirty files are not
        // (PatientKeyedRowTests covers it).
        #expect(reasons == Set(RejectReason.allCases.map(\.rawValue)).subtracting(["ambiguous_episode"]))
    }

    @Test("rows that are not malformed have the header's column count; only invalid_utf8 rows hold bad bytes")
    func shapeOfRows() throws {
        for file in DirtyRows.files {
            for (index, row) in file.rows.enumerated() {
                let text = String(validating: row.bytes, as: UTF8.self)
                if case .rejected(.invalidUTF8, _) = row.outcome {
                    #expect(text == nil, "\(file.name) row \(index + 2) should hold invalid UTF-8")
                    continue
                }
                let line = try #require(text, "\(file.name) row \(index + 2)")
                if case .rejected(.malformedRow, _) = row.outcome { continue }
                #expect(Self.fieldCount(line) == file.header.count, "\(file.name) row \(index + 2)")
            }
        }
    }

    @Test("the files are written with the unterminated quote last")
    func written() throws {
        let directory = try temporaryDirectory("dirty")
        try DirtySample.write(to: directory)
        let assessments = try Data(contentsOf: URL(fileURLWithPath: directory + "/assessments.csv"))
        let lastLine = assessments.split(separator: 10).last.map { String(decoding: $0, as: UTF8.self) } ?? ""
        #expect(lastLine.filter { $0 == "\"" }.count == 1)
        let readme = try String(contentsOfFile: directory + "/README.md", encoding: .utf8)
        #expect(readme.contains("`too_many_missing_items`"))
    }

    /// Fields in a CSV line, honouring quotes.
    static func fieldCount(_ line: String) -> Int {
        var count = 1
        var quoted = false
        for character in line {
            if character == "\"" { quoted.toggle() } else if character == ",", !quoted { count += 1 }
        }
        return count
    }
}
