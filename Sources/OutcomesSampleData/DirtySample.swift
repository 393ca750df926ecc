/// Small hand-written canonical CSVs in which clean rows are mixed with rows that each break
/// exactly one ingest rule (SPEC section 3), with the accounting a correct load must print.
///
/// Load into a fresh database with `--today 2026-11-01`, in the order episodes, sessions,
/// assessments, goals, events.
public enum DirtySample {
    /// The load date the expected figures assume.
    public static let today = "2026-11-01"

    /// Writes the five CSVs and a README describing every row into `directory`, and
    /// `expected/rejects.csv` and `expected/accounting.csv` in a subfolder, so that loading the
    /// folder reads only the five canonical files.
    public static func write(to directory: String) throws {
        try makeDirectory(directory)
        let expected = joinPath(directory, "expected")
        try makeDirectory(expected)
        for file in DirtyRows.files { try writeBytes(file.bytes, to: joinPath(directory, file.name)) }
        try writeBytes(Array(DirtyExpected.rejects.utf8), to: joinPath(expected, "rejects.csv"))
        try writeBytes(Array(DirtyExpected.accounting.utf8), to: joinPath(expected, "accounting.csv"))
        try writeBytes(Array(readme.utf8), to: joinPath(directory, "README.md"))
    }

    /// The README: how to load the files and what each row is for.
    static var readme: String {
        var text = """
            # Dirty sample

            Hand-written canonical CSVs for testing ingest. Clean rows are mixed with rows that each
            break exactly one rule of SPEC section 3. Load them into a fresh database, in this order,
            with `--today \(today)`: episodes, sessions, assessments, goals, events.
            `expected/accounting.csv` and `expected/rejects.csv` give what the load must report,
            counted by hand from the tables below. Rows are numbered as a spreadsheet shows them: the
            header is row 1. Written by `DirtySample.write(to:)` in OutcomesSampleData; edit the rows
            there, not here.

            Clean episodes: E900001 (2026-08-03 to 2026-09-25, completed), E900002 (admitted
            2026-09-14; its update row discharges it on 2026-10-23), E900003 (2026-07-06 to
            2026-08-14, stepped up) and E900012 (active since 2026-10-12).

            """
        for file in DirtyRows.files {
            text += "\n## \(file.name)\n\n| row | outcome | column | intent |\n| --- | --- | --- | --- |\n"
            var offset = file.header.joined(separator: ",").utf8.count + 1
            for (index, row) in file.rows.enumerated() {
                let (outcome, column) = describe(row.outcome)
                let byteOffset = row.invalidByteInRow.map { " (file byte offset \(offset + $0), counting from 0)" } ?? ""
                text += "| \(index + 2) | \(outcome) | \(column) | \(row.intent)\(byteOffset) |\n"
                offset += row.bytes.count + 1
            }
        }
        return text
    }

    private static func describe(_ outcome: DirtyRow.Outcome) -> (String, String) {
        switch outcome {
        case .loaded: return ("loaded", "")
        case .updated: return ("updated", "")
        case .duplicate: return ("duplicate", "")
        case .rejected(let reason, let column): return ("rejected: `\(reason.rawValue)`", column ?? "(whole row)")
        }
    }
}

extension SampleProgram {
    /// Writes the dirty sample (DirtySample) into `directory`; it does not depend on this program.
    public func writeDirty(to directory: String) throws { try DirtySample.write(to: directory) }
}
