import OutcomesCore

/// A canonical header and its column layout, for rows made from FHIR resources.
struct FHIRLayout {
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
    private var fields: [String] = []
    private var record = CSVRecord()

    /// `row` as line `number`'s record in `layout` (columns it lacks are empty).
    mutating func record(_ row: FHIRRow, number: Int, in layout: FHIRLayout) -> CSVRecord {
        fields.removeAll(keepingCapacity: true)
        fields.append(contentsOf: repeatElement("", count: layout.header.count))
        row.forEachValue { column, value in
            if let field = layout.layout.fieldIndex[column] { fields[field] = value }
        }
        record.refill(row: number, fields: fields)
        return record
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
        long = layouts(["episode_id", "assessed_on", "instrument", "item", "answer", "timepoint"])
    }
}
