import OutcomesCore

/// Decides which canonical table a file holds from its header, after the mapping renames it.
///
/// A table fits when all its required columns are present. When several fit, the one with
/// the most canonical columns in the header wins, then the one with the most required
/// columns; a remaining tie is an error asking for a forced table.
enum TableDetector {
    /// The separator other than a comma that a header of one field uses between its names
    /// (semicolons, as Excel writes CSV where the decimal mark is a comma, or tabs), when it
    /// splits the field into several names.
    static func otherSeparator(_ header: [String]) -> String? {
        guard header.count == 1, let field = header.first else { return nil }
        return [(Character(";"), "semicolons"), (Character("\t"), "tabs")].first { separator, _ in
            field.split(separator: separator).count > 1
        }?.1
    }

    static func layout(header: [String], mapping: Mapping?, forced: CanonicalTable?, fileName: String) throws -> ColumnLayout {
        let candidates = (forced.map { [$0] } ?? CanonicalTable.allCases).map {
            Candidate(table: $0, header: header, mapping: mapping)
        }
        let fitting = candidates.filter { $0.missing.isEmpty }
        guard let best = fitting.max(by: { ($0.fieldIndex.count, $0.presentRequired) < ($1.fieldIndex.count, $1.presentRequired) }) else {
            if let separator = otherSeparator(header) {
                throw IngestFileError(file: fileName, message: "the header is one field with \(separator) between its "
                                      + "names: the file is separated by \(separator), not commas; save it as "
                                      + "comma-separated CSV (UTF-8)")
            }
            if let forced {
                throw IngestFileError(file: fileName, message: "the header lacks required \(forced.rawValue) columns: \(candidates[0].missing.joined(separator: ", "))")
            }
            let closest = candidates.max { $0.presentRequired < $1.presentRequired } ?? candidates[0]
            throw IngestFileError(
                file: fileName,
                message: "the header matches no canonical table; closest is \(closest.table.rawValue), which lacks required columns: \(closest.missing.joined(separator: ", "))")
        }
        let ties = fitting.filter { ($0.fieldIndex.count, $0.presentRequired) == (best.fieldIndex.count, best.presentRequired) }
        guard ties.count == 1 else {
            throw IngestFileError(file: fileName, message: "the header fits several tables (\(ties.map(\.table.rawValue).joined(separator: ", "))); name the table explicitly")
        }
        if let conflict = best.conflict { throw IngestFileError(file: fileName, message: conflict) }
        return ColumnLayout(table: best.table, fieldCount: header.count, fieldIndex: best.fieldIndex,
                            sourceNames: best.sourceNames, mapping: mapping)
    }

    /// How well a header fits one table.
    private struct Candidate {
        let table: CanonicalTable
        let fieldIndex: [String: Int]
        /// Canonical column -> the header's name for it.
        let sourceNames: [String: String]
        let missing: [String]
        var presentRequired: Int { table.requiredColumns.count - missing.count }
        /// Two source columns giving the same canonical column.
        let conflict: String?

        init(table: CanonicalTable, header: [String], mapping: Mapping?) {
            self.table = table
            let renames = mapping?.tables[table]?.columns ?? [:]
            var index: [String: Int] = [:]
            var sources: [String: String] = [:]
            var conflict: String?
            for (position, source) in header.enumerated() {
                let name = renames[source] ?? source
                guard table.isCanonicalColumn(name) else { continue }
                if let earlier = sources[name] {
                    let columns = "\(MessageText.quoted(earlier)) and \(MessageText.quoted(source))"
                    conflict = conflict ?? "columns \(columns) both give \(table.rawValue) column \(name)"
                }
                sources[name] = source
                index[name] = position
            }
            fieldIndex = index
            self.conflict = conflict
            // A patient and a date stand in for the episode (the loader assigns the episode).
            let patientKeyed = table.isPatientKeyable && index["patient_id"] != nil
            missing = table.requiredColumns.filter { index[$0] == nil && !(patientKeyed && $0 == "episode_id") }
            sourceNames = Dictionary(uniqueKeysWithValues: index.map { ($0.key, header[$0.value]) })
        }
    }
}
