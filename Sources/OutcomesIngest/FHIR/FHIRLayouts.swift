import OutcomesCore

/// A canonical header and its column layout, for rows made from FHIR resources. A class, not
/// changed after `init`: a layout is chosen per row, and copying one (its mapping among its
/// fields) cost a retain and a release of each of the mapping's parts.
final class FHIRLayout {
    let header: [String]
    let layout: ColumnLayout

    init(table: CanonicalTable, header: [String], mapping: Mapping) {
        self.header = header
        layout = ColumnLayout(table: table, fieldCount: header.count,
                              fieldIndex: Dictionary(uniqueKeysWithValues: header.enumerated().map { ($1, $0) }),
                              mapping: mapping)
    }
}

/// Lays FHIR rows out as CSV records of a layout, reusing one record's buffers for a whole file.
struct FHIRRecordMaker {
    private var record = CSVRecord()
    /// The field the n-th value of the last row of `hintedLayout` went to: rows of one resource
    /// type set their columns in the same order, so a column is mostly found at its hint with one
    /// comparison of equal strings, where searching the header cost a dozen comparisons of
    /// unequal ones (most of the time spent making a record).
    private var hints: [Int] = []
    private var hintedLayout: ObjectIdentifier?
    /// The buffer `groupIsUnchanged` lays the last record's group values out in.
    private var groupKey: [UInt8] = []

    /// `row` as line `number`'s record in `layout` (columns it lacks are empty), each value written
    /// straight into the record.
    mutating func record(_ row: FHIRRow, number: Int, in layout: FHIRLayout) -> CSVRecord {
        if hintedLayout != ObjectIdentifier(layout) {
            hintedLayout = ObjectIdentifier(layout)
            hints.removeAll(keepingCapacity: true)
        }
        record.refill(row: number, fieldCount: layout.header.count)
        var position = 0
        row.forEachValue { column, value in
            defer { position += 1 }
            let header = layout.header
            if position < hints.count, header[hints[position]] == column {
                return record.setField(hints[position], value)
            }
            guard let field = header.firstIndex(of: column) else { return }
            if position < hints.count {
                hints[position] = field
            } else if position == hints.count {
                hints.append(field)
            }
            record.setField(field, value)
        }
        return record
    }

    /// Whether the last record's group values (whether it names an episode, else a patient; that
    /// identifier, the date and the instrument: what a long row's assessment is found from) are
    /// those `key` holds; when not, `key` is set to them. Compared as bytes, laid out as
    /// `FHIRLayouts.long` lays them (subject, date, instrument first): making three Strings of
    /// each row to compare them cost an allocation or more per item Observation.
    mutating func groupIsUnchanged(byEpisode: Bool, key: inout [UInt8]) -> Bool {
        groupKey.removeAll(keepingCapacity: true)
        groupKey.append(byEpisode ? 1 : 0)
        for field in 0..<3 {
            let (buffer, range) = record.bytes(field)
            // Each value's length first, so that no two lists of values share a key.
            let length = UInt32(truncatingIfNeeded: range.count).littleEndian
            withUnsafeBytes(of: length) { groupKey.append(contentsOf: $0) }
            groupKey.append(contentsOf: buffer[range])
        }
        guard groupKey != key else { return true }
        swap(&groupKey, &key)
        return false
    }
}

/// The layouts of one table's rows made from FHIR: keyed by episode or by patient, wide (one
/// resource, one row) or long (an Observation's item answers).
struct FHIRLayouts {
    let wide: (episode: FHIRLayout, patient: FHIRLayout)
    let long: (episode: FHIRLayout, patient: FHIRLayout)

    /// - Parameter mapping: its value translations, zone and FHIR settings apply; every date is
    ///   ISO 8601 (FHIR `date`, `dateTime` and `instant`).
    init(table: CanonicalTable, mapping: Mapping?, registry: InstrumentRegistry) {
        var dated = mapping ?? Mapping()
        dated.dateFormat = .iso8601
        for key in dated.tables.keys { dated.tables[key]?.dateFormats = [:] }
        let items = registry.codes.compactMap { registry[$0]?.itemCount }.max() ?? 0
        var columns = table.columns
        if table == .assessments {
            columns = ["episode_id", "assessed_on", "instrument"] + (0..<items).map { "item_\($0 + 1)" } + ["total", "timepoint"]
        }
        func layouts(_ columns: [String]) -> (FHIRLayout, FHIRLayout) {
            let byPatient = columns.map { $0 == "episode_id" ? "patient_id" : $0 }
            return (FHIRLayout(table: table, header: columns, mapping: dated),
                    FHIRLayout(table: table, header: table == .episodes ? columns : byPatient, mapping: dated))
        }
        wide = layouts(columns)
        // Subject, date and instrument first: `FHIRRecordMaker.groupIsUnchanged` reads them there.
        long = layouts(["episode_id", "assessed_on", "instrument", "item", "answer", "timepoint"])
    }
}
