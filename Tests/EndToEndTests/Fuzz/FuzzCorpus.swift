import Foundation
import OutcomesTestSupport

/// A small, consistent slice of `SampleData/`: the first episodes and every session,
/// assessment, goal and event that belongs to them, so that one ingest takes a fraction of a
/// second and the files still refer to each other.
struct FuzzCorpus {
    /// File name -> bytes, for the five canonical tables.
    let files: [String: [UInt8]]

    init(episodes count: Int) throws {
        let root = Executable.packageRoot.appendingPathComponent("SampleData")
        func lines(_ name: String) throws -> [Substring] {
            try String(contentsOf: root.appendingPathComponent(name), encoding: .utf8).split(separator: "\n")
        }
        /// The `index`-th comma-separated field; the sample data quotes no field before it.
        func field(_ line: Substring, _ index: Int) -> Substring {
            line.split(separator: ",", maxSplits: index + 1, omittingEmptySubsequences: false)[index]
        }
        let episodeLines = try lines("episodes.csv")
        let kept = episodeLines.dropFirst().prefix(count)
        let episodeIDs = Set(kept.map { field($0, 1) })
        let patientIDs = Set(kept.map { field($0, 0) })
        func slice(_ name: String, keyField: Int, keys: Set<Substring>) throws -> [UInt8] {
            let all = try lines(name)
            let body = all.dropFirst().filter { keys.contains(field($0, keyField)) }
            return Array(([all[0]] + body).joined(separator: "\n").utf8) + [0x0A]
        }
        files = [
            "episodes.csv": Array(([episodeLines[0]] + kept).joined(separator: "\n").utf8) + [0x0A],
            "sessions.csv": try slice("sessions.csv", keyField: 1, keys: episodeIDs),
            "assessments.csv": try slice("assessments.csv", keyField: 0, keys: episodeIDs),
            "goals.csv": try slice("goals.csv", keyField: 0, keys: episodeIDs),
            "events.csv": try slice("events.csv", keyField: 0, keys: patientIDs),
        ]
    }

    /// The corpus with one to three files damaged by one to four mutations each; returns the
    /// files and a description of what was done (for the failure message).
    func mutated(seed: UInt64) -> (files: [String: [UInt8]], description: String) {
        var generator = SplitMix64(seed: seed)
        var result = files
        var done: [String] = []
        let names = files.keys.sorted()
        for _ in 0..<Int.random(in: 1...3, using: &generator) {
            let name = names[Int.random(in: 0..<names.count, using: &generator)]
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                let mutation = CSVMutation.allCases[Int.random(in: 0..<CSVMutation.allCases.count, using: &generator)]
                mutation.apply(to: &result[name, default: []], using: &generator)
                done.append("\(mutation.rawValue) in \(name)")
            }
        }
        return (result, done.joined(separator: ", "))
    }
}
