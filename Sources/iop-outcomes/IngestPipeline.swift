import Foundation
import OutcomesCore
import OutcomesIngest
import OutcomesStore

/// Wires ingest to the store: finds the files, recognises their tables, loads them in
/// dependency order (episodes first), one transaction per file.
struct IngestPipeline {
    let options: IngestOptions
    let pseudonymizer: Pseudonymizer
    let registry: InstrumentRegistry
    let files: [TableFileReader]

    init(options: IngestOptions, pseudonymizer: Pseudonymizer) throws {
        self.options = options
        self.pseudonymizer = pseudonymizer
        registry = try options.registry()
        let paths = try IngestPipeline.csvFiles(in: options.paths)
        let mapping = try options.loadedMapping()
        let readers = try paths.map {
            try TableFileReader(path: $0, displayName: $0, mapping: mapping, forcedTable: options.table)
        }
        // A stable sort keeps the argument order within a table.
        files = readers.enumerated().sorted { ($0.element.table, $0.offset) < ($1.element.table, $1.offset) }.map(\.element)
    }

    /// Loads (or, with `dryRun`, checks) every file; prints each file's summary as it completes
    /// when `output` is `.table`.
    func run(on db: OutcomesDatabase, dryRun: Bool, output: OutputFormat?) throws -> [LoadSummary] {
        let rejectsFile = try options.rejects.map { try RejectsFile(path: $0) }
        if output == .table { IngestReport.printHeader(dryRun: dryRun) }
        let loadedAt = ISO8601DateFormatter().string(from: Date())
        return try db.loadRun(dryRun: dryRun) { run in
            var summaries: [LoadSummary] = []
            for file in files {
                let directory = file.table == .episodes || file.table == .events
                    ? EpisodeSpans() : EpisodeSpans(try run.episodeSpans(), byPatient: try run.patientEpisodeSpans())
                let validator = RecordValidator(
                    table: file.table, fileName: file.displayName, registry: registry, today: options.todayDay,
                    pseudonymizer: pseudonymizer, episodes: directory)
                let summary = try run.loadFile(
                    file: file.displayName, table: file.table, sha256: try FileDigest.sha256(path: file.path),
                    parameters: options.parametersJSON, softwareVersion: SoftwareVersion.current, loadedAt: loadedAt
                ) { load in
                    let progress = LoadProgress(name: file.displayName, path: file.path)
                    defer { progress.finish() }
                    try file.forEachRowConcurrently(
                        validator: validator, prepare: LoadRow.init, progress: progress.bytesRead
                    ) { row in
                        progress.rows += 1
                        switch row {
                        case .record(let record, let lines): try load.store(record, lines: lines)
                        case .rejected(let issue):
                            try load.reject(issue.storable(in: file.table))
                            try rejectsFile?.write(issue)
                        }
                    }
                }
                if output == .table { IngestReport.printRow(summary) }
                summaries.append(summary)
            }
            try rejectsFile?.close()
            return summaries
        }
    }

    /// Expands folders into their `*.csv` files (sorted by name, not recursive).
    static func csvFiles(in paths: [String]) throws -> [String] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw CommandFailure("\(path): no such file or folder")
            }
            if isDirectory.boolValue {
                let names = try FileManager.default.contentsOfDirectory(atPath: path)
                    .filter { $0.lowercased().hasSuffix(".csv") }.sorted()
                files += names.map { (path as NSString).appendingPathComponent($0) }
            } else {
                files.append(path)
            }
        }
        guard !files.isEmpty else { throw CommandFailure("no CSV files in \(paths.joined(separator: ", "))") }
        return files
    }
}

/// A validated row as the loader stores it, prepared on the reading thread.
enum LoadRow: Sendable {
    /// A record and the number of input lines it accounts for.
    case record(PreparedRecord, lines: Int)
    case rejected(IngestIssue)

    init(_ result: RowResult) {
        switch result {
        case .rejected(let issue): self = .rejected(issue)
        case .record(let row, let record): self = .record(Self.prepared(record, row: row), lines: 1)
        case .grouped(let rows, let record): self = .record(Self.prepared(record, row: rows.first), lines: rows.count)
        }
    }

    private static func prepared(_ record: CanonicalRecord, row: Int?) -> PreparedRecord {
        switch record {
        case .episode(let episode): return PreparedRecord(episode, row: row)
        case .session(let session): return PreparedRecord(session, row: row)
        case .assessment(let assessment): return PreparedRecord(assessment, row: row)
        case .goal(let goal): return PreparedRecord(goal, row: row)
        case .event(let event): return PreparedRecord(event, row: row)
        }
    }
}
