import Foundation
import OutcomesCore
@testable import OutcomesIngest

/// Hand-made FHIR files for tests, loaded table by table as `ingest` loads them.
enum FHIRFixture {
    static let pseudonymizer = Pseudonymizer(key: TestFiles.key)

    /// Patient p1 (MRN1) has episode E1, 2026-09-01 to 2026-10-15.
    static let episodes: EpisodeSpans = {
        var spans = EpisodeSpans()
        spans.add(Episode(patientKey: pseudonymizer.pseudonym(for: "MRN1"), episodeID: "E1", program: "adult-mh", site: nil,
                          levelOfCare: .iop, admissionDate: Day(iso: "2026-09-01")!, dischargeDate: Day(iso: "2026-10-15")!,
                          dischargeReason: .completed, ageAtAdmission: nil, sex: nil, race: nil, ethnicity: nil, payer: nil,
                          referralSource: nil, primaryDx: nil, plannedWeeks: nil))
        return spans
    }()

    static let patient = #"{"resourceType":"Patient","id":"p1","identifier":[{"type":{"coding":[{"code":"MR"}]},"value":"MRN1"}],"birthDate":"1990-10-02","gender":"female"}"#

    /// What loading one file gave: each table's results, and the resources that made no row.
    struct Loaded {
        var results: [CanonicalTable: [RowResult]] = [:]
        var account = FHIRAccount()

        /// Lines accounted by each table: a grouped record counts its lines.
        func lines(_ table: CanonicalTable) -> Int {
            (results[table] ?? []).map { result -> Int in
                if case .grouped(let rows, _) = result { return rows.count }
                return 1
            }.reduce(0, +)
        }

        var records: [CanonicalRecord] {
            results.values.flatMap { $0 }.compactMap { result -> CanonicalRecord? in
                switch result {
                case .record(_, let record), .grouped(_, let record): return record
                case .rejected: return nil
                }
            }
        }

        var assessments: [Assessment] {
            records.compactMap { if case .assessment(let a) = $0 { a } else { nil } }.sorted { $0.assessedOn < $1.assessedOn }
        }

        var issues: [IngestIssue] {
            results.values.flatMap { $0 }.compactMap { if case .rejected(let issue) = $0 { issue } else { nil } }
                .sorted { $0.row < $1.row }
        }
    }

    /// Loads `text` written to a file named `name` (NDJSON lines or a Bundle), with `mapping`.
    static func load(_ text: String, name: String = "export.ndjson", mapping: Mapping? = nil,
                     episodes: EpisodeSpans = episodes) throws -> Loaded {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fhir-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return try load(paths: [path], mapping: mapping, episodes: episodes)
    }

    /// Loads the FHIR files at `paths` as one export, table by table.
    static func load(paths: [String], mapping: Mapping? = nil, episodes: EpisodeSpans = episodes) throws -> Loaded {
        let export = try FHIRExport(paths: paths, mapping: mapping, registry: .builtIn)
        var loaded = Loaded()
        for file in export.files {
            loaded.account.add(file.account)
            for table in file.tables {
                let validator = RecordValidator(table: table, fileName: file.displayName, registry: .builtIn,
                                                today: TestFiles.today,
                                                pseudonymizer: pseudonymizer, episodes: episodes)
                var results: [RowResult] = []
                try file.forEachRow(validator: validator, export: export, account: &loaded.account) { results.append($0) }
                loaded.results[table, default: []] += results
            }
        }
        return loaded
    }
}
