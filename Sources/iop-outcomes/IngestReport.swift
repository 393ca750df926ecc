import Foundation
import OutcomesCore
import OutcomesIngest
import OutcomesStore

/// Prints load summaries: a table for people, JSON for machines.
enum IngestReport {
    private static let columns = ["READ", "LOADED", "UPDATED", "DUPLICATES", "REJECTED"]

    static func printHeader(dryRun: Bool) {
        if dryRun { print("Dry run: nothing is written.") }
        print(pad("FILE", 40) + pad("TABLE", 13) + columns.map { lpad($0, 11) }.joined())
    }

    /// Resources of a FHIR file that made no row, by type: used for other rows' facts, or
    /// skipped; `file` names the file when no row of the summary table did.
    static func printAccount(_ account: FHIRAccount, file: String? = nil) {
        if let file { print(pad(file.count > 38 ? "…" + file.suffix(37) : file, 40) + "(no rows: resources of other rows)") }
        for (type, count) in account.used.sorted(by: { $0.key < $1.key }) { print("    used for other rows: \(type) \(count)") }
        for (type, count) in account.skipped.sorted(by: { $0.key < $1.key }) { print("    skipped \(type): \(count)") }
    }

    static func printRow(_ summary: LoadSummary) {
        let name = summary.file.count > 38 ? "…" + summary.file.suffix(37) : summary.file
        if summary.alreadyLoaded {
            let retry = summary.rejectedBefore == 0 ? ""
                : "; \(summary.rejectedBefore) row\(summary.rejectedBefore == 1 ? " was" : "s were") rejected then: "
                    + "--reload tries \(summary.rejectedBefore == 1 ? "it" : "them") again"
            print(pad(name, 40) + pad(summary.table.rawValue, 13)
                  + "already loaded (load \(summary.previousLoadID ?? 0), same SHA-256): nothing changed" + retry)
            return
        }
        let counts = [summary.read, summary.loaded, summary.updated, summary.duplicates, summary.rejected]
        print(pad(name, 40) + pad(summary.table.rawValue, 13) + counts.map { lpad(String($0), 11) }.joined())
        if let first = summary.reloadOf { print(LoadLogText.reloadLine(of: first)) }
        for (reason, count) in summary.rejectsByReason.sorted(by: { $0.key < $1.key }) {
            print("    rejected \(reason.rawValue): \(count)")
        }
    }

    static func write(_ result: IngestResult, format: OutputFormat, dryRun: Bool) {
        switch format {
        case .table:
            printHeader(dryRun: dryRun)
            result.summaries.forEach { printRow($0) }
        case .json:
            Swift.print(json(result, dryRun: dryRun))
        }
    }

    /// `{"files":[{"file","table","sha256","read","loaded","updated","duplicates","rejected","rejects_by_reason",
    /// "already_loaded","not_recorded","reload_of"}],
    /// "fhir_files": [{"file", "used_by_type", "skipped_by_type"}]}`.
    static func json(_ result: IngestResult, dryRun: Bool) -> String {
        let files = result.summaries.map { summary in
            let reasons = summary.rejectsByReason.sorted { $0.key < $1.key }
                .map { "\"\($0.key.rawValue)\": \($0.value)" }.joined(separator: ", ")
            return """
                {"file": \(JSONString.quoted(summary.file)), "table": "\(summary.table.rawValue)", "sha256": "\(summary.sha256)", \
                "read": \(summary.read), "loaded": \(summary.loaded), "updated": \(summary.updated), \
                "duplicates": \(summary.duplicates), "rejected": \(summary.rejected), \
                "rejects_by_reason": {\(reasons)}, "already_loaded": \(summary.alreadyLoaded), \
                "not_recorded": \(summary.notRecorded), "reload_of": \(summary.reloadOf.map { String($0) } ?? "null")}
                """
        }
        func counts(_ counts: [String: Int]) -> String {
            "{" + counts.sorted { $0.key < $1.key }.map { "\(JSONString.quoted($0.key)): \($0.value)" }.joined(separator: ", ") + "}"
        }
        let fhir = result.fhirAccounts.sorted { $0.key < $1.key }.map { file, account in
            "{\"file\": \(JSONString.quoted(file)), \"used_by_type\": \(counts(account.used)), "
                + "\"skipped_by_type\": \(counts(account.skipped))}"
        }
        return "{\"dry_run\": \(dryRun), \"files\": [\n  " + files.joined(separator: ",\n  ") + "\n], \"fhir_files\": ["
            + fhir.joined(separator: ", ") + "]}"
    }

    /// Notes on stderr, after a load that added or changed episodes, the files loaded before
    /// whose latest load rejected rows for want of their episode (`awaiting`), except those this
    /// run loaded again: `--reload` tries those rows again.
    static func noteRowsAwaitingEpisodes(_ awaiting: [RowsAwaitingEpisodes], _ result: IngestResult) {
        let loadedNow = Set(result.summaries.filter { !$0.alreadyLoaded }.map { "\($0.table.rawValue) \($0.sha256)" })
        let files = awaiting.filter { !loadedNow.contains("\($0.table) \($0.sha256)") }
        guard !files.isEmpty else { return }
        let list = files.map { "\($0.file) (\($0.table), load \($0.loadID)): \($0.rows) row\($0.rows == 1 ? "" : "s")" }
        FileHandle.standardError.write(Data(("note: rows loaded before were rejected for want of their episode ("
            + list.joined(separator: "; ") + "); now that episodes were loaded, `ingest --reload` "
            + (files.count == 1 ? "that file" : "those files") + " to try them again\n").utf8))
    }

    /// Notes on stderr each file none of whose rows names an episode the loader knows
    /// (`LoadSummary.notRecorded`): its episodes were not loaded first (the commonest first-load
    /// mistake), not each row's fault, and the file can be loaded again once they are.
    static func noteUnknownEpisodes(_ result: IngestResult) {
        for summary in result.summaries where summary.notRecorded {
            FileHandle.standardError.write(Data(("note: no row of \(summary.file) names an episode of the database or "
                + "of an episodes file loaded before it, so its load is not recorded; load the episodes first, then "
                + "this file again (files given together are loaded episodes first)\n").utf8))
        }
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }

    private static func lpad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(1, width - text.count)) + text
    }
}
