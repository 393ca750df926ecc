import OutcomesCore

/// How to read one EHR export: source column names, source vocabularies and date formats,
/// per canonical table, loaded from a YAML mapping file.
///
/// Schema (every key optional; unknown keys, tables and columns are errors naming the line):
/// ```yaml
/// date_format: MM/dd/yyyy            # default for every date column of every table (ISO yyyy-MM-dd when absent)
/// time_zone: America/Chicago         # a date-time with an offset counts on its calendar date in this zone
/// tables:
///   sessions:                        # a canonical table: episodes, sessions, assessments, goals, events
///     columns:                       # source column name -> canonical column name
///       "Appt Date": session_date
///       "Encounter ID": session_id
///     values:                        # canonical column -> { source value: canonical value }
///       status: {"No Show": no_show, "Attended": attended}
///     date_formats:                  # canonical date column, or a source column, -> format
///       session_date: MM/dd/yyyy
///       "Appt Start": "MM/dd/yyyy hh:mm a"
/// ```
/// Real export shapes (SPEC section 2) need no switch: a sessions, assessments or goals file
/// with `patient_id` and no `episode_id` is keyed by patient (each row goes to the episode
/// whose span holds its date, see `EpisodeAssignment`); an assessments file with `item` and
/// `answer` columns is long (one row per item answer, pivoted into assessments); an assessments
/// file with `total` and no items is totals-only. `values: {answer: {"Nearly every day": 3}}`
/// translates answer text to points.
/// Values not listed in `values` pass through unchanged; a value translated to `""` counts as
/// blank. Date formats use `yyyy`, `MM`, `M`, `dd`, `d`, times `HH`, `hh`, `mm`, `ss`, `a`, a zone
/// `XXX`, and literal separators, or `iso8601` (see `DateFormat`).
/// Assessment item columns are `item_1` ... `item_n`. Source columns that are neither mapped
/// nor canonical are ignored; several source names may map to one canonical column (one
/// export names it one way, another export another way), but a file may hold only one of them.
public struct Mapping: Hashable, Sendable {
    /// The default format of every date column; nil means ISO `yyyy-MM-dd`.
    public var dateFormat: DateFormat?
    /// The program's local zone: a date-time with an offset counts on its calendar date there.
    /// nil keeps every date as written.
    public var timeZone: ProgramTimeZone?
    public var tables: [CanonicalTable: TableMapping]
    /// How FHIR resources carry what their elements do not.
    public var fhir = FHIRSettings()

    public init(dateFormat: DateFormat? = nil, timeZone: ProgramTimeZone? = nil,
                tables: [CanonicalTable: TableMapping] = [:]) {
        self.dateFormat = dateFormat
        self.timeZone = timeZone
        self.tables = tables
    }

    /// The FHIR part of a mapping file:
    /// ```yaml
    /// fhir:
    ///   patient_identifier_system: urn:oid:1.2.3   # which Patient.identifier is patient_id
    ///   extensions:                                # canonical column -> extension URL
    ///     program: http://example.org/fhir/StructureDefinition/iop-track
    /// ```
    public struct FHIRSettings: Hashable, Sendable {
        /// The system of the `Patient.identifier` that is the source patient id; nil takes the
        /// identifier typed `MR` (medical record number), else the first.
        public var patientIdentifierSystem: String?
        /// Canonical column -> URL of the extension that holds it on the resource making the row.
        public var extensions: [String: String] = [:]

        public init(patientIdentifierSystem: String? = nil, extensions: [String: String] = [:]) {
            self.patientIdentifierSystem = patientIdentifierSystem
            self.extensions = extensions
        }
    }

    /// The renames, value translations and date formats of one canonical table.
    public struct TableMapping: Hashable, Sendable {
        /// Source column name -> canonical column name.
        public var columns: [String: String]
        /// Canonical column -> (source value -> canonical value).
        public var values: [String: [String: String]]
        /// Canonical date column, or a source column renamed to one -> format.
        public var dateFormats: [String: DateFormat]

        public init(columns: [String: String] = [:], values: [String: [String: String]] = [:], dateFormats: [String: DateFormat] = [:]) {
            self.columns = columns
            self.values = values
            self.dateFormats = dateFormats
        }
    }

    /// The format of canonical date column `column` of `table`, as the file's column `source`
    /// holds it: the source column's own format first, then the canonical column's, then the default.
    public func dateFormat(table: CanonicalTable, column: String, source: String? = nil) -> DateFormat {
        let formats = tables[table]?.dateFormats
        return source.flatMap { formats?[$0] } ?? formats?[column] ?? dateFormat ?? .iso
    }

    /// Loads and checks a mapping file; errors name the file and the line.
    public static func load(path: String, displayName: String? = nil) throws -> Mapping {
        let document = try YAMLDocument(path: path, displayName: displayName ?? path)
        return try MappingParser(document: document).parse()
    }
}
