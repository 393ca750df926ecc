import OutcomesAnalysis
import OutcomesCore
import OutcomesStore

/// The load log (`iop-outcomes loads`), the table of the accreditation packet's provenance
/// appendix, for people or machines: one row per file load in load order, with its SHA-256,
/// counts (read = loaded + updated + duplicates + rejected) and rejects by reason; a reload
/// names the file's first load.
enum LoadLogText {
    /// The columns of the CSV form (JSON has the same names, rejects by reason as an object).
    static let columns = ["load_id", "file", "table", "sha256", "read", "loaded", "updated", "duplicates", "rejected",
                          "rejects_by_reason", "loaded_at", "software_version", "reload_of"]

    /// A load's rejects as `reason count` pairs, by reason, separated by ";".
    private static func reasons(_ entry: LoadLogEntry) -> String {
        entry.rejectsByReason.sorted { $0.key < $1.key }.map { "\($0.key.rawValue) \($0.value)" }
            .joined(separator: ";")
    }

    /// The line under a reload of load `first`, here and in `ingest`'s summary.
    static func reloadLine(of first: Int64) -> String {
        "    reload of load \(first): rows stored before count as duplicates"
    }

    /// For people: one line per load, under it whether it was a reload and its rejects by reason.
    static func table(_ entries: [LoadLogEntry]) -> String {
        guard !entries.isEmpty else { return "No file has been loaded.\n" }
        let header = ["LOAD", "FILE", "TABLE", "READ", "LOADED", "UPDATED", "DUPLICATES", "REJECTED",
                      "LOADED AT (UTC)"]
        let rows = entries.map { entry in
            [String(entry.id), entry.file, entry.table, String(entry.read), String(entry.loaded),
             String(entry.updated), String(entry.duplicates), String(entry.rejected),
             String(entry.loadedAt.prefix(16)).replacingOccurrences(of: "T", with: " ")]
        }
        // File, table and time read left to right; the counts line up on the right.
        let laidOut = TextColumns.lines([header] + rows, rightAligned: [0, 3, 4, 5, 6, 7])
        var lines = [laidOut[0]]
        for (entry, line) in zip(entries, laidOut.dropFirst()) {
            lines.append(line)
            if let first = entry.reloadOf { lines.append(reloadLine(of: first)) }
            lines += entry.rejectsByReason.sorted { $0.key < $1.key }
                .map { "    rejected \($0.key.rawValue): \($0.value)" }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// CSV with a header row, CRLF line ends: text cells follow the CSV injection rule, counts stay numbers.
    static func csv(_ entries: [LoadLogEntry]) -> String {
        let rows = entries.map { entry in
            [String(entry.id), CSVField.escapedText(entry.file), CSVField.escapedText(entry.table), entry.sha256,
             String(entry.read), String(entry.loaded), String(entry.updated), String(entry.duplicates),
             String(entry.rejected), CSVField.escapedText(reasons(entry)), CSVField.escapedText(entry.loadedAt),
             CSVField.escapedText(entry.softwareVersion), entry.reloadOf.map { String($0) } ?? ""]
        }
        return ([columns] + rows).map { $0.joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// JSON: `{"loads": [{column: value, ..., "rejects_by_reason": {reason: count}}]}`.
    static func json(_ entries: [LoadLogEntry]) -> String {
        let objects = entries.map { entry in
            let reasons = entry.rejectsByReason.sorted { $0.key < $1.key }
                .map { "\(JSONString.quoted($0.key.rawValue)): \($0.value)" }.joined(separator: ", ")
            return "  {\"load_id\": \(entry.id), \"file\": \(JSONString.quoted(entry.file)), "
                + "\"table\": \(JSONString.quoted(entry.table)), \"sha256\": \(JSONString.quoted(entry.sha256)), "
                + "\"read\": \(entry.read), \"loaded\": \(entry.loaded), \"updated\": \(entry.updated), "
                + "\"duplicates\": \(entry.duplicates), \"rejected\": \(entry.rejected), "
                + "\"rejects_by_reason\": {\(reasons)}, \"loaded_at\": \(JSONString.quoted(entry.loadedAt)), "
                + "\"software_version\": \(JSONString.quoted(entry.softwareVersion)), "
                + "\"reload_of\": \(entry.reloadOf.map { String($0) } ?? "null")}"
        }
        return "{\"loads\": [\n" + objects.joined(separator: ",\n") + (objects.isEmpty ? "" : "\n") + "]}\n"
    }
}
