import Foundation
import Testing
import OutcomesTestSupport

/// The committed FHIR export as Bundles (one `collection` Bundle per NDJSON file), with seeded
/// damage to its entries: resources damaged as `FHIRExportFuzzTests` damages lines, entries that
/// are no object, lack their resource or hold `null`. Whatever the damage, the load succeeds and
/// every entry is read by one table's load, used for other rows or skipped, once; the database
/// stays sound. A Bundle whose own structure is broken is refused whole, naming the file, and
/// nothing of the export is loaded.
@Suite("FHIR Bundle fuzzing: damaged entries are loaded, skipped or rejected, never lost")
struct FHIRBundleFuzzTests {
    static let seeds = FHIRExportFuzzTests.seeds

    /// The export's resources, one list per NDJSON file, by file name (parsed anew for each case:
    /// Foundation's JSON values are not `Sendable`).
    static func resources() -> [(name: String, resources: [Any])] {
        FHIRExportFuzzTests.files.map { file in
            (file.name, file.lines.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) })
        }
    }

    /// `entries` as the text of a `collection` Bundle.
    static func bundle(_ entries: [Any]) throws -> Data {
        let document: [String: Any] = ["resourceType": "Bundle", "type": "collection", "entry": entries]
        return try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys])
    }

    func ingest(_ paths: [String], db: String) throws -> Executable.Result {
        try Executable.run(["init", "--db", db])
        return try Executable.run(["ingest", "--db", db, "--format", "json", "--today", "2026-11-01", "--mapping",
                                   FHIRExportFuzzTests.export.appendingPathComponent("mapping.yaml").path] + paths)
    }

    @Test(arguments: seeds)
    func damagedEntriesAreAccountedForOnce(seed: UInt64) throws {
        var damage = StructuralDamage(seed: seed)
        let folder = try TemporaryFolder()
        var entryCount = 0
        var paths: [String] = []
        for (name, resources) in Self.resources() {
            let entries = resources.map { resource -> Any in
                guard damage.chance(0.15) else { return ["resource": resource] }
                if damage.chance(0.8) { return ["resource": damage.damaged(resource)] }
                if damage.chance(0.5) { return ["fullUrl": "urn:uuid:x"] }  // no resource
                return damage.chance(0.5) ? 7 : ["resource": NSNull()]
            }
            entryCount += entries.count
            let path = folder.path(name.replacingOccurrences(of: ".ndjson", with: ".json"))
            try Self.bundle(entries).write(to: URL(fileURLWithPath: path))
            paths.append(path)
        }
        let db = folder.path("p.sqlite")
        let result = try ingest(paths, db: db)
        let context = "seed \(seed): \(result.stderr.prefix(500))"
        #expect(result.exited && result.status == 0, "\(context)")
        guard result.status == 0 else { return }
        try FHIRLoadAccounting.expectEachLineOnce(result, lines: entryCount, db: db, context: context)
    }

    @Test(arguments: [
        ("entry is not a list", #"{"resourceType": "Bundle", "type": "collection", "entry": {"resource": {}}}"#),
        ("cut short", #"{"resourceType": "Bundle", "type": "collection", "entry": [{"resource": {"resourceT"#),
    ])
    func aBrokenBundleIsRefusedWholeAndNothingLoads(damage: String, text: String) throws {
        let folder = try TemporaryFolder()
        var paths: [String] = []
        for (name, resources) in Self.resources() {
            let path = folder.path(name.replacingOccurrences(of: ".ndjson", with: ".json"))
            try Self.bundle(resources.map { ["resource": $0] }).write(to: URL(fileURLWithPath: path))
            paths.append(path)
        }
        let broken = folder.path("Broken.json")
        try Data(text.utf8).write(to: URL(fileURLWithPath: broken))
        let db = folder.path("p.sqlite")
        let result = try ingest(paths + [broken], db: db)
        #expect(result.exited && result.status == 1, "\(damage): \(result.stderr)")
        #expect(result.stderr.contains("Broken.json"), "\(damage): \(result.stderr)")
        let loads = try Executable.run(["loads", "--db", db])
        #expect(loads.stdout == "No file has been loaded.\n", "\(damage)")
    }
}
