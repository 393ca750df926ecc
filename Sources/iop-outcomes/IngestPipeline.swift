import Foundation
import OutcomesCore
import OutcomesIngest
import OutcomesStore

/// Wires ingest to the store: finds the files, recognises their content (CSV tables, FHIR
/// NDJSON or Bundles), loads them in dependency order (episodes first), one transaction per
/// file and table.
struct IngestPipeline {
    let options: IngestOptions
    let pseudonymizer: Pseudonymizer
    let registry: InstrumentRegistry
    let jobs: [LoadJob]
    let fhir: FHIRExport?
    /// The files' SHA-256, computed on a thread of their own while the files are read for the plan.
    let digests: FileDigests

    init(options: IngestOptions, pseudonymizer: Pseudonymizer) throws {
        self.options = options
        self.pseudonymizer = pseudonymizer
        registry = try options.registry()
        let paths = try IngestPipeline.inputFiles(in: options.paths)
        digests = FileDigests(paths: paths)
        let mapping = try options.loadedMapping()
        var csv: [String] = [], fhirPaths: [String] = []
        for path in paths {
            if try FHIRContent.kind(path: path) == .csv { csv.append(path) } else { fhirPaths.append(path) }
        }
        let readers = try csv.map {
            try TableFileReader(path: $0, displayName: $0, mapping: mapping, forcedTable: options.table)
        }
        fhir = fhirPaths.isEmpty ? nil : try FHIRExport(paths: fhirPaths, mapping: mapping, registry: registry)
        let unsorted = readers.map(LoadJob.csv) + (fhir?.files ?? []).flatMap { file in file.tables.map { .fhir(file, $0) } }
        // A stable sort keeps the argument order within a table.
        jobs = unsorted.enumerated().sorted { ($0.element.table, $0.offset) < ($1.element.table, $1.offset) }.map(\.element)
    }

    /// Loads (or, with `dryRun`, checks) every file; prints each file's summary as it completes
    /// when `output` is `.table`. Returns the summaries and, per FHIR file, the resources that
    /// made no row. With `exclusive`, readers are locked out while the files load, when no other
    /// connection is reading the database (`OutcomesDatabase.loadRun`).
    func run(on db: OutcomesDatabase, dryRun: Bool, output: OutputFormat?, exclusive: Bool = false) throws
        -> IngestResult {
        let rejectsFile = try options.rejects.map { try RejectsFile(path: $0) }
        if output == .table { IngestReport.printHeader(dryRun: dryRun) }
        let loadedAt = ISO8601DateFormatter().string(from: Date())
        return try db.loadRun(dryRun: dryRun, exclusive: exclusive) { run in
            var result = IngestResult()
            result.lockedOutReaders = run.locksOutReaders
            for file in fhir?.files ?? [] { result.fhirAccounts[file.displayName] = file.account }
            var spans = SpanIndexes()
            for job in jobs {
                let directory = job.table == .episodes || job.table == .events ? EpisodeSpanIndex()
                    : try spans.index(byPatient: job.mayNamePatientOnly, in: run)
                if job.table == .episodes { spans = SpanIndexes() }
                let validator = RecordValidator(
                    table: job.table, fileName: job.displayName, registry: registry, today: options.todayDay,
                    pseudonymizer: pseudonymizer, episodes: directory)
                var account = FHIRAccount()
                let summary = try run.loadFile(
                    file: job.displayName, table: job.table, digest: { try digests.sha256(of: job.path) },
                    parameters: options.parametersJSON, softwareVersion: SoftwareVersion.current, loadedAt: loadedAt,
                    reload: options.reload
                ) { load in
                    let progress = LoadProgress(name: job.displayName, path: job.path)
                    defer { progress.finish() }
                    func handle(_ row: LoadRow) throws {
                        progress.rows += 1
                        switch row {
                        case .record(let record, let lines): try load.add(record, lines: lines)
                        case .rejected(let issue):
                            try load.reject(job.isFHIR ? issue.storableFHIRLine() : issue.storable(in: job.table))
                            try rejectsFile?.write(issue)
                        }
                    }
                    switch job {
                    case .csv(let file):
                        try file.forEachRowConcurrently(validator: validator, prepare: LoadRow.init,
                                                        progress: progress.bytesRead, handle)
                    case .fhir(let file, _):
                        guard let fhir else { return }
                        try file.forEachRow(validator: validator, export: fhir, account: &account,
                                            progress: progress.bytesRead) { try handle(LoadRow($0)) }
                    }
                }
                if output == .table { IngestReport.printRow(summary) }
                if output == .table, job.isFHIR { IngestReport.printAccount(account) }
                result.summaries.append(summary)
                if job.isFHIR { result.fhirAccounts[job.displayName, default: FHIRAccount()].add(account) }
            }
            if output == .table {
                for file in fhir?.files ?? [] where !file.account.used.isEmpty || !file.account.skipped.isEmpty {
                    IngestReport.printAccount(file.account, file: file.displayName)
                }
            }
            try rejectsFile?.close()
            return result
        }
    }

    /// Expands folders into their `*.csv`, `*.ndjson` and `*.json` files (sorted by name, not
    /// recursive); what each holds is recognised from its content.
    static func inputFiles(in paths: [String]) throws -> [String] {
        var files: [String] = []
        /// Files of the folders that are not loaded (not hidden), named when nothing is.
        var passedOver: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw CommandFailure("\(path): no such file or folder")
            }
            if isDirectory.boolValue {
                let names = try FileManager.default.contentsOfDirectory(atPath: path).sorted()
                for name in names where !name.hasPrefix(".") {
                    let file = (path as NSString).appendingPathComponent(name)
                    if [".csv", ".ndjson", ".json"].contains(where: { name.lowercased().hasSuffix($0) }) {
                        files.append(file)
                    } else {
                        var isFolder: ObjCBool = false
                        if FileManager.default.fileExists(atPath: file, isDirectory: &isFolder), !isFolder.boolValue {
                            passedOver.append(name)
                        }
                    }
                }
            } else {
                files.append(path)
            }
        }
        guard !files.isEmpty else {
            let holding = passedOver.isEmpty ? "" : "; a folder's .csv, .ndjson and .json files are loaded, and "
                + (paths.count == 1 ? "it holds " : "they hold ") + passedOver.prefix(5).joined(separator: ", ")
                + (passedOver.count > 5 ? " and \(passedOver.count - 5) more" : "")
            throw CommandFailure("no CSV or FHIR files in \(paths.joined(separator: ", "))\(holding)")
        }
        return files
    }
}

/// What one `ingest` or `validate` run did.
struct IngestResult {
    /// One summary per file and table, in load order.
    var summaries: [LoadSummary] = []
    /// Per FHIR file: the resources that made no row (used for other rows' facts, or skipped).
    var fhirAccounts: [String: FHIRAccount] = [:]
    /// True when the files loaded with readers locked out (`ingest --exclusive`).
    var lockedOutReaders = false
}

/// One file load: a CSV table file, or the rows of one table from a FHIR file.
enum LoadJob {
    case csv(TableFileReader)
    case fhir(FHIRFile, CanonicalTable)

    var table: CanonicalTable {
        switch self {
        case .csv(let file): return file.table
        case .fhir(_, let table): return table
        }
    }

    var path: String {
        switch self {
        case .csv(let file): return file.path
        case .fhir(let file, _): return file.path
        }
    }

    var displayName: String {
        switch self {
        case .csv(let file): return file.displayName
        case .fhir(let file, _): return file.displayName
        }
    }

    var isFHIR: Bool { if case .fhir = self { true } else { false } }

    /// Whether rows may name their patient and no episode (then they are assigned among the
    /// patient's episodes by date): a CSV file without `episode_id` but with `patient_id`, or FHIR.
    var mayNamePatientOnly: Bool {
        switch self {
        case .csv(let file): return file.layout.isPatientKeyed
        case .fhir: return true
        }
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
