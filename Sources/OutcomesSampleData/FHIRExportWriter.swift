import Foundation
import OutcomesCore

/// Writes the sample program as a FHIR R4 Bulk Data export: one NDJSON file per resource type
/// (keys sorted, so the same program gives the same bytes), a `manifest.json`, the
/// `mapping.yaml` naming the extensions, and `events.csv` (SPEC section 2 gives clinical
/// events no FHIR form).
final class FHIRExportWriter {
    static let types = ["Patient", "Coverage", "Condition", "EpisodeOfCare", "Encounter", "Appointment",
                        "QuestionnaireResponse", "Observation", "Goal"]

    private let directory: String
    private var files: [String: FileHandle] = [:]
    private var counts: [String: Int] = [:]
    private var patients: Set<String> = []
    /// Lines written but not yet handed to their file, by resource type.
    private var pending: [String: [UInt8]] = [:]
    /// How many bytes of lines a file is handed at once.
    private static let flushBytes = 1 << 16
    private let events: CSVFileWriter

    init(directory: String) throws {
        self.directory = directory
        for type in Self.types {
            let path = joinPath(directory, type + ".ndjson")
            guard FileManager.default.createFile(atPath: path, contents: nil),
                  let handle = FileHandle(forWritingAtPath: path) else {
                throw SampleDataError(message: "cannot open \(path) for writing")
            }
            files[type] = handle
        }
        events = try CSVFileWriter(path: joinPath(directory, "events.csv"))
        try events.record(CanonicalTable.events.columns)
    }

    private func write(_ resource: [String: Any]?) throws {
        guard let resource, let type = resource["resourceType"] as? String, let handle = files[type] else { return }
        var buffer = pending.removeValue(forKey: type) ?? []
        try SortedJSONLine.append(resource, to: &buffer)
        buffer.append(0x0A)
        if buffer.count >= Self.flushBytes {
            try handle.write(contentsOf: buffer)
            buffer.removeAll(keepingCapacity: true)
        }
        pending[type] = buffer
        counts[type, default: 0] += 1
    }

    func write(_ generated: GeneratedEpisode) throws {
        let e = generated.episode
        if patients.insert(e.patientKey).inserted {
            try write(FHIRSampleResources.patient(e))
            try write(FHIRSampleResources.coverage(e))
        }
        try write(FHIRSampleResources.condition(e))
        try write(FHIRSampleResources.episodeOfCare(e))
        for session in generated.sessions { try write(FHIRSampleResources.session(session, patient: e.patientKey)) }
        for score in generated.assessments {
            for resource in FHIRSampleResources.score(score, episode: e) { try write(resource) }
        }
        for goal in generated.goals { try write(FHIRSampleResources.goal(goal, episode: e)) }
        for event in generated.events { try events.canonicalEvent(event) }
    }

    /// Closes the files and writes the manifest (no clock: `transactionTime` is the program's end).
    func close(endDate: Day) throws {
        for (type, handle) in files {
            if let lines = pending[type], !lines.isEmpty { try handle.write(contentsOf: lines) }
            try handle.close()
        }
        try events.close()
        let output: [[String: Any]] = Self.types.filter { counts[$0, default: 0] > 0 }.map {
            ["type": $0, "url": "file:///\($0).ndjson", "count": counts[$0, default: 0]]
        }
        let manifest: [String: Any] = ["transactionTime": "\(endDate)T23:59:59Z", "request": "$export",
                                       "requiresAccessToken": false, "output": output, "error": []]
        let data = try JSONSerialization.data(withJSONObject: manifest,
                                              options: [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted])
        try writeBytes(Array(data) + [0x0A], to: joinPath(directory, "manifest.json"))
        try writeBytes(Array(FHIRMappingFile.text.utf8), to: joinPath(directory, "mapping.yaml"))
    }
}

/// The mapping file of the sample's FHIR export: its zone and the extensions that carry what
/// FHIR elements do not.
enum FHIRMappingFile {
    static var text: String {
        var lines = [
            "# Mapping file for the sample program's FHIR export (the NDJSON files beside this file).",
            "# Written by OutcomesSampleData (SampleProgram.writeFHIRExport): regenerate it rather than editing it.",
            "#",
            "# time_zone      the program's zone: a date-time counts on its calendar date there",
            "# fhir.extensions canonical column -> URL of the extension holding it on the resource making the row",
            "time_zone: \(EHRVocabulary.timeZone)",
            "fhir:",
            "  patient_identifier_system: \(FHIRSampleResources.mrnSystem)",
            "  extensions:",
        ]
        for column in FHIRSampleResources.extensionColumns {
            lines.append("    \(column): \(FHIRSampleResources.url(column))")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
