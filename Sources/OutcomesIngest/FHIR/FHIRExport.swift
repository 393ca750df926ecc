import Foundation
import OutcomesCore

/// A FHIR R4 export: Bulk Data NDJSON files (with or without `manifest.json`) and Bundles,
/// recognised by content, never by name. `init` reads every file once to index what resources
/// say about each other and which canonical tables each file feeds (and the files holding
/// Encounters or responses again, when other resources refer to some); `FHIRFile.forEachRow`
/// then reads a file once per table it feeds.
public struct FHIRExport {
    public let files: [FHIRFile]
    let index: FHIRIndex
    let mapping: Mapping?
    let registry: InstrumentRegistry

    /// - Parameter paths: FHIR files (a Bulk Data manifest among them is checked, not loaded).
    public init(paths: [String], mapping: Mapping?, registry: InstrumentRegistry) throws {
        self.mapping = mapping
        self.registry = registry
        var index = FHIRIndex(codes: LOINCIndex(registry))
        var files: [FHIRFile] = []
        /// The files holding Encounters or responses, read again for the ones referred to.
        var holding: [FHIRLineReader] = []
        /// The last Observation line of each `AssessmentRelease.ObservationSubject`, by file.
        var lastLinesOfSubjects: [[AssessmentRelease.ObservationSubject: Int]] = []
        let settings = mapping?.fhir ?? Mapping.FHIRSettings()
        for path in paths {
            let kind = try FHIRContent.kind(path: path)
            guard kind != .manifest else {
                try FHIRContent.checkManifest(path: path, among: paths)
                continue
            }
            let reader = FHIRLineReader(path: path, displayName: path, kind: kind == .bundle ? .bundle : .ndjson)
            var tables: Set<CanonicalTable> = []
            var malformed = false
            var account = FHIRAccount()
            var holdsReferenced = false
            var lastLineOfSubject: [AssessmentRelease.ObservationSubject: Int] = [:]
            var subjects = AssessmentRelease.SubjectMemo()
            try reader.forEachIndexLineConcurrently { line in
                switch line.resource {
                case .success(let resource):
                    index.add(resource, settings: settings)
                    holdsReferenced = holdsReferenced || FHIRIndex.referencedTypes.contains(resource.resourceType)
                    if resource.resourceType == "Observation" {
                        lastLineOfSubject[subjects.subject(of: resource)] = line.number
                    }
                    if let table = FHIRConverted.table(of: resource.resourceType) {
                        tables.insert(table)
                    } else if FHIRConverted.supportingTypes.contains(resource.resourceType) {
                        account.used[resource.resourceType, default: 0] += 1
                    } else {
                        account.skip(type: resource.resourceType)
                    }
                case .failure: malformed = true
                }
            }
            if malformed, tables.isEmpty {
                guard !account.used.isEmpty || !account.skipped.isEmpty else {
                    throw IngestFileError(file: path, message: "no line is a resource of a type the loader uses "
                                          + "(EpisodeOfCare, Encounter, Appointment, QuestionnaireResponse, "
                                          + "Observation, Goal), and some lines are not FHIR resources")
                }
                // Lines that are no resource are rejected with a table's load: a file of Patients,
                // Conditions or Coverages (or of resources the loader skips) has them as the rejects
                // of an episodes load, the table such resources serve.
                tables = [.episodes]
            }
            files.append(FHIRFile(reader: reader, tables: tables.sorted(), account: account))
            lastLinesOfSubjects.append(lastLineOfSubject)
            if holdsReferenced { holding.append(reader) }
        }
        if !index.referencedEncounters.isEmpty || !index.referencedResponses.isEmpty {
            for reader in holding {
                try reader.forEachIndexLineConcurrently(indexOnly: false) { line in
                    if case .success(let resource) = line.resource { index.addReferenced(resource) }
                }
            }
        }
        // What the second pass looked for, an entry per referenced Encounter, is not needed again.
        index.referencedEncounters = []
        index.referencedResponses = []
        // With the index complete, each file's Observations are counted under patients, not
        // subjects: an entry per patient is kept for the load, not one per Encounter named.
        for position in files.indices {
            files[position].lastObservationLines = AssessmentRelease.lastRows(
                lastLineOfSubject: lastLinesOfSubjects[position], index: index)
            lastLinesOfSubjects[position] = [:]
        }
        self.files = files
        self.index = index
    }

    /// The converter every file of the export uses.
    var converter: FHIRConverter { FHIRConverter(index: index, registry: registry, settings: mapping?.fhir ?? .init()) }
}

/// One FHIR file of an export and the tables it feeds, in load order.
public struct FHIRFile {
    let reader: FHIRLineReader
    /// The canonical tables its resources make rows of; malformed lines are rejected in the first.
    public let tables: [CanonicalTable]
    /// Its resources of types that make no row: used for other rows' facts, or skipped. (An
    /// Observation or a response that makes no row is counted when its table is read.)
    public let account: FHIRAccount
    /// The last Observation line counted under each `AssessmentRelease` key (set once the
    /// export's index is complete).
    var lastObservationLines: [String: Int] = [:]

    init(reader: FHIRLineReader, tables: [CanonicalTable], account: FHIRAccount) {
        self.reader = reader
        self.tables = tables
        self.account = account
    }

    public var path: String { reader.path }
    public var displayName: String { reader.displayName }
}
