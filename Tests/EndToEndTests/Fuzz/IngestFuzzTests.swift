import Foundation
import Testing

/// Seeded mutation fuzzing of `ingest` on a slice of `SampleData/` (issue 9): byte flips,
/// truncation, NUL and control bytes, invalid UTF-8, huge numbers and fields, stray quotes,
/// lone CR. Whatever the damage, the process ends with 0 or 1 (never a signal), every file's
/// rows are accounted for, and the database stays sound. `make test` runs a bounded number of
/// cases (about 20 s); `make fuzz` runs many more (`IOP_FUZZ_CASES`, `IOP_FUZZ_SEED`). A
/// failure names its seed: rerun with `IOP_FUZZ_SEED=<seed> IOP_FUZZ_CASES=1`.
@Suite("ingest fuzzing: hostile files never crash or corrupt")
struct IngestFuzzTests {
    static let firstSeed = UInt64(ProcessInfo.processInfo.environment["IOP_FUZZ_SEED"] ?? "") ?? 20_261_130
    static let caseCount = Int(ProcessInfo.processInfo.environment["IOP_FUZZ_CASES"] ?? "") ?? 64
    static let seeds = (0..<UInt64(caseCount)).map { firstSeed + $0 }
    static let corpus = Result { try FuzzCorpus(episodes: 25) }

    @Test(arguments: seeds)
    func mutatedFilesLoadWithoutCrashOrLoss(seed: UInt64) throws {
        let (files, damage) = try Self.corpus.get().mutated(seed: seed)
        let folder = try TemporaryFolder()
        let data = folder.url.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        for (name, bytes) in files { try Data(bytes).write(to: data.appendingPathComponent(name)) }
        let db = folder.path("p.sqlite")
        try Executable.run(["init", "--db", db])

        // The second run loads the same files again: each is already loaded, or loads the same way.
        for attempt in 1...2 {
            let result = try Executable.run(["ingest", "--db", db, "--format", "json", "--today", "2026-11-01",
                                             "--rejects", folder.path("rejects-\(attempt).csv"), data.path])
            let context = "seed \(seed), run \(attempt): \(damage)\n\(result.stderr.prefix(500))"
            let endedBySignal = !result.exited
            #expect(!endedBySignal, "ended by signal \(result.status): \(context)")
            #expect(result.status == 0 || result.status == 1, "exit \(result.status): \(context)")
            let summary = try? JSONDecoder().decode(IngestEndToEndTests.Summary.self, from: Data(result.stdout.utf8))
            if result.status == 0 { #expect(summary != nil, "exit 0 without a JSON summary: \(context)") }
            for file in summary?.files ?? [] {
                #expect(file.read == file.loaded + file.updated + file.duplicates + file.rejected,
                        "\(file.file): read \(file.read) <> \(file.loaded)+\(file.updated)+\(file.duplicates)+\(file.rejected); \(context)")
            }
            #expect(try DatabaseInvariants.violations(at: db) == [], "\(context)")
        }
    }
}
