import Foundation
import OutcomesCore
import OutcomesStore

/// Prints load summaries: a table for people, JSON for machines.
enum IngestReport {
    private static let columns = ["READ", "LOADED", "UPDATED", "DUPLICATES", "REJECTED"]

    static func printHeader(dryRun: Bool) {
        if dryRun { print("Dry run: nothing is written.") }
        print(pad("FILE", 40) + pad("TABLE", 13) + columns.map { lpad($0, 11) }.joined())
    }

    static func printRow(_ summary: LoadSummary) {
        let name = summary.file.count > 38 ? "…" + summary.file.suffix(37) : summary.file
        if summary.alreadyLoaded {
            print(pad(name, 40) + pad(summary.table.rawValue, 13)
                  + "already loaded (load \(summary.previousLoadID ?? 0), same SHA-256): nothing changed")
            return
        }
        let counts = [summary.read, summary.loaded, summary.updated, summary.duplicates, summary.rejected]
        print(pad(name, 40) + pad(summary.table.rawValue, 13) + counts.map { lpad(String($0), 11) }.joined())
        for (reason, count) in summary.rejectsByReason.sorted(by: { $0.key < $1.key }) {
            print("    rejected \(reason.rawValue): \(count)")
        }
    }

    static func write(_ summaries: [LoadSummary], format: OutputFormat, dryRun: Bool) {
        switch format {
        case .table:
            printHeader(dryRun: dryRun)
            summaries.forEach(printRow)
        case .json:
            Swift.print(json(summaries, dryRun: dryRun))
        }
    }

    /// `{"files":[{"file","table","sha256","read","loaded","updated","duplicates","rejected","rejects_by_reason"}]}`.
    static func json(_ summaries: [LoadSummary], dryRun: Bool) -> String {
        let files = summaries.map { summary in
            let reasons = summary.rejectsByReason.sorted { $0.key < $1.key }
                .map { "\"\($0.key.rawValue)\": \($0.value)" }.joined(separator: ", ")
            return """
                {"file": \(JSONString.quoted(summary.file)), "table": "\(summary.table.rawValue)", "sha256": "\(summary.sha256)", \
                "read": \(summary.read), "loaded": \(summary.loaded), "updated": \(summary.updated), \
                "duplicates": \(summary.duplicates), "rejected": \(summary.rejected), \
                "rejects_by_reason": {\(reasons)}, "already_loaded": \(summary.alreadyLoaded)}
                """
        }
        return "{\"dry_run\": \(dryRun), \"files\": [\n  " + files.joined(separator: ",\n  ") + "\n]}"
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }

    private static func lpad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(1, width - text.count)) + text
    }
}
