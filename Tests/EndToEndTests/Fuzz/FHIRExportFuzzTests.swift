import Foundation
import Testing
import OutcomesTestSupport

/// Seeded structural damage to the committed FHIR export (`SampleData/fhir/`), loaded whole by
/// `ingest`: values of the wrong type, members dropped, lists doubled, text cut or reversed,
/// stray bytes, lines that are no object. Whatever the damage, the load succeeds (a damaged line
/// is loaded, skipped or rejected, never the cause of a refused run), every line is accounted
/// for exactly once, and the database stays sound. The cases are `IngestFuzzTests`' seeds
/// (`IOP_FUZZ_SEED`); `IOP_FUZZ_CASES` sets how many (12 in `make test`).
@Suite("FHIR export fuzzing: damaged resources are loaded, skipped or rejected, never lost")
struct FHIRExportFuzzTests {
    static let caseCount = Int(ProcessInfo.processInfo.environment["IOP_FUZZ_CASES"] ?? "") ?? 12
    static let seeds = (0..<UInt64(caseCount)).map { IngestFuzzTests.firstSeed + $0 }
    static let export = Executable.packageRoot.appendingPathComponent("SampleData/fhir")

    /// The export's NDJSON files, by name, as lines.
    static let files: [(name: String, lines: [String])] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: export.path)) ?? []
        return names.filter { $0.hasSuffix(".ndjson") }.sorted().map { name in
            let text = (try? String(contentsOf: export.appendingPathComponent(name), encoding: .utf8)) ?? ""
            return (name, text.split(separator: "\n").map(String.init))
        }
    }()

    @Test(arguments: seeds)
    func damagedResourcesAreAccountedForOnce(seed: UInt64) throws {
        var damage = StructuralDamage(seed: seed)
        let folder = try TemporaryFolder()
        var lineCount = 0
        var paths: [String] = []
        for (name, lines) in Self.files {
            let damaged = lines.map { damage.chance(0.15) ? damage.line($0) : Array($0.utf8) }
            lineCount += damaged.count
            let path = folder.path(name)
            try Data(Array(damaged.joined(separator: [0x0A])) + [0x0A]).write(to: URL(fileURLWithPath: path))
            paths.append(path)
        }
        let db = folder.path("p.sqlite")
        try Executable.run(["init", "--db", db])
        let result = try Executable.run(["ingest", "--db", db, "--format", "json", "--today", "2026-11-01",
                                         "--mapping", Self.export.appendingPathComponent("mapping.yaml").path] + paths)
        let context = "seed \(seed): \(result.stderr.prefix(500))"
        #expect(result.exited && result.status == 0, "\(context)")
        guard result.status == 0 else { return }
        try FHIRLoadAccounting.expectEachLineOnce(result, lines: lineCount, db: db, context: context)
    }
}

/// Damage to one NDJSON line, drawn from a seeded generator.
struct StructuralDamage {
    private var random: SplitMix64

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool { Double(random.next() % 1_000_000) < p * 1_000_000 }

    private mutating func pick<T>(_ list: [T]) -> T { list[Int(random.next() % UInt64(list.count))] }

    /// Values put in place of another: none, numbers, text and containers of the wrong kind.
    private static var replacements: [Any] {
        [NSNull(), 0, -1, 1e308, "x", "", [Any](), [String: Any](), true, "2026-13-45", "LA9999-9", 12.5]
    }

    /// `line` (a JSON object) with one to three values damaged, or, now and then, a stray byte
    /// (which may not be UTF-8) or no object at all.
    mutating func line(_ line: String) -> [UInt8] {
        guard let parsed = try? JSONSerialization.jsonObject(with: Data(line.utf8)) else { return Array(line.utf8) }
        let value = damaged(parsed)
        let options: JSONSerialization.WritingOptions = [.sortedKeys, .fragmentsAllowed]
        guard let data = try? JSONSerialization.data(withJSONObject: value, options: options) else {
            return Array(line.utf8)
        }
        var bytes = [UInt8](data)
        if chance(0.05) {
            let stray = pick(Array(#"{}[]",:"#.utf8) + [0x00, 0xFF])
            bytes.insert(stray, at: Int(random.next() % UInt64(bytes.count + 1)))
        }
        return bytes
    }

    /// `value` (a parsed JSON value) damaged at one to three places.
    mutating func damaged(_ value: Any) -> Any {
        var value = value
        for _ in 0...Int(random.next() % 3) { value = self.value(value) ?? NSNull() }
        return value
    }

    /// `value` damaged at one place inside it; nil when the value is dropped.
    private mutating func value(_ value: Any) -> Any? {
        if chance(0.15) { return nil }
        if chance(0.15) { return pick(Self.replacements) }
        switch value {
        case var object as [String: Any]:
            guard !object.isEmpty else { return object }
            let key = pick(object.keys.sorted())
            object[key] = self.value(object[key] as Any)
            return object
        case var list as [Any]:
            guard !list.isEmpty else { return list }
            if chance(0.5) { return list + list }
            let index = Int(random.next() % UInt64(list.count))
            if let damaged = self.value(list[index]) { list[index] = damaged } else { list.remove(at: index) }
            return list
        case let text as String:
            return pick([String(text.reversed()), text + text, String(text.prefix(text.count / 2)), "Patient/" + text])
        default:
            return value
        }
    }
}
