import Foundation
import Testing
@testable import iop_outcomes

/// Which files of the paths given `ingest` loads.
@Suite("ingest input files")
struct InputFilesTests {
    @Test func aFolderWithNothingToLoadNamesWhatItHolds() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("inputs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("sub"),
                                                withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["visits.xlsx", "notes.txt", ".hidden.csv"] {
            try Data("x".utf8).write(to: folder.appendingPathComponent(name))
        }
        // The hidden file and the subfolder are not named; the two others are, in name order.
        do {
            _ = try IngestPipeline.inputFiles(in: [folder.path])
            Issue.record("the folder has nothing to load")
        } catch {
            #expect("\(error)" == "no CSV or FHIR files in \(folder.path); a folder's .csv, .ndjson and .json files "
                    + "are loaded, and it holds notes.txt, visits.xlsx")
        }
        // A loadable file is found; the others are passed over.
        try Data("episode_id\n".utf8).write(to: folder.appendingPathComponent("Episodes.CSV"))
        let episodes = folder.appendingPathComponent("Episodes.CSV").path
        #expect(try IngestPipeline.inputFiles(in: [folder.path]) == [episodes])
    }
}
