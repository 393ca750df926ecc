import Foundation

extension Bench {
    /// Times the three reports on the 300-episode sample program and the monthly report on the
    /// benchmark network. Targets: sample monthly < 1 s, accreditation < 3 s; network monthly < 10 s.
    static func reports(binary: String, work: String, networkDB: String, table: inout BenchTable) throws {
        let sample = work + "/sample"
        let db = sample + "/program.sqlite"
        _ = try ChildProcess.measure(binary, ["sample-data", "--episodes", "300", "--seed", "2026", "--end", "2026-10-31", "--out", sample])
        _ = try ChildProcess.measure(binary, ["init", "--db", db])
        _ = try ChildProcess.measure(binary, ["ingest", "--db", db, "--today", "2026-11-01", sample])
        for name in ["monthly", "qi-review", "accreditation"] {
            let step = try ChildProcess.measure(binary, ["report", name, "--db", db, "--period", "2026-10", "--out", "\(work)/sample-\(name).pdf"])
            table.add("report \(name) (300 episodes)", rows: nil, step)
        }
        let step = try ChildProcess.measure(binary, ["report", "monthly", "--db", networkDB, "--period", "2026-10",
                                                     "--out", "\(work)/network-monthly.pdf"])
        table.add("report monthly (network)", rows: nil, step)
    }
}
