import Foundation
import OutcomesCore
@testable import OutcomesIngest

/// Temporary files and a one-call ingest for tests.
enum TestFiles {
    /// The folder of this test process's files, removed when the process exits.
    static let folder: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ingest-tests-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: TestFiles.folder) }
        return url
    }()

    /// Writes `bytes` to a new file in `folder` and returns its path.
    static func write(_ bytes: [UInt8], suffix: String = ".csv") throws -> String {
        let url = folder.appendingPathComponent("\(UUID().uuidString)\(suffix)")
        try Data(bytes).write(to: url)
        return url.path
    }

    static func write(_ text: String, suffix: String = ".csv") throws -> String {
        try write(Array(text.utf8), suffix: suffix)
    }

    /// The path of a file in `Docs/`, found from this file's place in the repository.
    static func documentation(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Docs").appendingPathComponent(name).path
    }

    /// 2026-11-01: the `today` of every test.
    static let today = Day(year: 2026, month: 11, day: 1)!

    /// E1: 2026-09-01 to 2026-10-15; E2: admitted 2026-10-01, active.
    static let episodes = EpisodeSpans([
        "E1": EpisodeSpan(admission: Day(year: 2026, month: 9, day: 1)!, discharge: Day(year: 2026, month: 10, day: 15)!),
        "E2": EpisodeSpan(admission: Day(year: 2026, month: 10, day: 1)!, discharge: nil),
    ])

    static let key = [UInt8](repeating: 7, count: 32)

    /// Reads `csv` as a table file and validates every row.
    static func ingest(_ csv: String, mapping: Mapping? = nil, table: CanonicalTable? = nil,
                       registry: InstrumentRegistry = .builtIn, episodes: any EpisodeDirectory = TestFiles.episodes)
        throws -> (table: CanonicalTable, results: [RowResult]) {
        let path = try write(csv)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let reader = try TableFileReader(path: path, displayName: "test.csv", mapping: mapping, forcedTable: table)
        let validator = RecordValidator(table: reader.table, fileName: "test.csv", registry: registry, today: today,
                                        pseudonymizer: Pseudonymizer(key: key), episodes: episodes)
        var results: [RowResult] = []
        try reader.forEachRow(validator: validator) { results.append($0) }
        return (reader.table, results)
    }

    /// The single issue of a one-row file, or nil when the row loads.
    static func issue(_ csv: String, mapping: Mapping? = nil) throws -> IngestIssue? {
        let results = try ingest(csv, mapping: mapping).results
        guard results.count == 1, case .rejected(let issue) = results[0] else { return nil }
        return issue
    }

    /// The single record of a one-row file, or nil when the row is rejected.
    static func record(_ csv: String, mapping: Mapping? = nil, registry: InstrumentRegistry = .builtIn) throws -> CanonicalRecord? {
        let results = try ingest(csv, mapping: mapping, registry: registry).results
        guard results.count == 1, case .record(_, let record) = results[0] else { return nil }
        return record
    }
}

/// Every record read from a CSV text, as trimmed fields with row numbers.
func readRecords(_ bytes: [UInt8]) throws -> [(row: Int, fields: [String], record: CSVRecord)] {
    let path = try TestFiles.write(bytes)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let reader = try CSVReader(path: path, displayName: "test.csv")
    var record = CSVRecord()
    var out: [(Int, [String], CSVRecord)] = []
    while try reader.next(into: &record) { out.append((record.row, record.fields, record)) }
    return out
}
