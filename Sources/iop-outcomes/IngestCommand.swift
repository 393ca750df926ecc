import ArgumentParser
import Foundation
import OutcomesIngest
import OutcomesStore

/// `iop-outcomes ingest`: validates and loads CSV exports, one transaction per file.
struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Validate and load CSV exports and FHIR R4 (Bulk Data NDJSON, Bundles) into the database.",
        discussion: """
        Files load in dependency order (episodes first) whatever the argument order, each in one \
        transaction. Every row ends loaded, updated, duplicate or rejected; the summary prints the \
        accounting per file. Exit 0 when the load completed (even with rejected rows), 1 when a file \
        cannot be read or, with --strict, when any row would be rejected.
        """)

    @OptionGroup var database: DatabaseOption
    @OptionGroup var options: IngestOptions

    @Flag(help: "Load nothing and exit 1 if any row would be rejected.")
    var strict = false

    @Flag(help: ArgumentHelp("Lock readers out while each file loads, for about a fifth less time on large files: "
                             + "analyses and reports started meanwhile wait for it (up to 10 s, then stop) instead of "
                             + "reading. Ignored, with a note, when another process is reading the database as the "
                             + "load starts."))
    var exclusive = false

    func run() throws {
        let db = try database.open()
        let pipeline = try IngestPipeline(options: options, pseudonymizer: database.pseudonymizer())
        if strict {
            let check = try pipeline.run(on: db, dryRun: true, output: nil)
            if check.summaries.contains(where: { $0.rejected > 0 }) {
                IngestReport.write(check, format: options.format, dryRun: true)
                let rejected = check.summaries.map(\.rejected).reduce(0, +)
                throw CommandFailure("--strict: \(rejected) rows would be rejected; nothing was loaded")
            }
        }
        let loadsBefore = try db.lastLoadID()
        let result = try pipeline.run(on: db, dryRun: false, output: options.format, exclusive: exclusive)
        if options.format == .json { IngestReport.write(result, format: .json, dryRun: false) }
        if exclusive, !result.lockedOutReaders {
            FileHandle.standardError.write(Data(("note: another process is reading \(database.db), so the files were "
                + "loaded without --exclusive (readers were not locked out)\n").utf8))
        }
        IngestReport.noteUnknownEpisodes(result)
        if result.summaries.contains(where: { $0.table == .episodes && $0.loaded + $0.updated > 0 }) {
            IngestReport.noteRowsAwaitingEpisodes(try db.rowsAwaitingEpisodes(loadsUpTo: loadsBefore), result)
        }
    }
}

/// `iop-outcomes validate`: every check of `ingest`, writing nothing.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Run every ingest check as a dry run; nothing is written.",
        discussion: """
        The files are loaded into a private temporary file (in SQLITE_TMPDIR, else TMPDIR, else /var/tmp \
        or /tmp), deleted even when the command is killed; it needs free space about the size of what is \
        loaded. With --db, rows are also compared with the database (duplicates, updates, known episodes). \
        The database file is only read: its bytes, side files and modes stay as they were; the checks run \
        on a copy of it in that temporary file (free space about the database's size), which also takes a \
        database made by an older version as `ingest` would migrate it.
        """)

    @Option(name: .long, help: ArgumentHelp("Compare with this database (read only).", valueName: "path"))
    var db: String?

    @OptionGroup var options: IngestOptions

    func run() throws {
        let store: OutcomesDatabase
        let pseudonymizer: Pseudonymizer
        if let db {
            let option = try DatabaseOption.parse(["--db", db])
            store = try option.openReadOnly()
            pseudonymizer = try option.pseudonymizer()
        } else {
            store = try OutcomesDatabase.temporary()
            pseudonymizer = Pseudonymizer(key: Pseudonymizer.newKey())
        }
        let pipeline = try IngestPipeline(options: options, pseudonymizer: pseudonymizer)
        let result = try pipeline.run(on: store, dryRun: true, output: options.format)
        if options.format == .json { IngestReport.write(result, format: .json, dryRun: true) }
        IngestReport.noteUnknownEpisodes(result)
    }
}
