import Foundation

/// `iop-bench [episodes] [work-dir]`: generates a synthetic network and measures the real
/// `iop-outcomes` executable on it, one child process per step, printing a table of rows per
/// second and peak memory (targets printed below the table).
@main
struct Bench {
    static func main() {
        do {
            try run()
        } catch {
            FileHandle.standardError.write(Data("iop-bench: \(error)\n".utf8))
            exit(1)
        }
    }

    static func run() throws {
        let arguments = CommandLine.arguments
        let episodes = arguments.count > 1 ? Int(arguments[1]) ?? 100_000 : 100_000
        let work = arguments.count > 2 ? arguments[2] : "bench-out"
        let binary = URL(fileURLWithPath: arguments[0]).deletingLastPathComponent().appendingPathComponent("iop-outcomes").path
        let data = work + "/data"
        let db = work + "/bench.sqlite"
        try? FileManager.default.removeItem(atPath: work)
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)

        var table = BenchTable()
        let generate = try ChildProcess.measure(binary, ["sample-data", "--episodes", String(episodes), "--seed", "7",
                                                         "--end", "2026-10-31", "--out", data])
        table.add("generate \(episodes) episodes", rows: nil, generate)
        _ = try ChildProcess.measure(binary, ["init", "--db", db])
        for name in ["episodes", "sessions", "assessments", "goals", "events"] {
            let step = try ChildProcess.measure(binary, ["ingest", "--db", db, "--format", "json", "--today", "2026-11-01",
                                                         "\(data)/\(name).csv"])
            table.add("ingest \(name)", rows: readCount(in: step.output), step)
        }
        let analyze = try ChildProcess.measure(binary, ["analyze", "--db", db, "--period", "2026-10", "--by", "program",
                                                        "--format", "json"])
        table.add("analyze 2026-10 --by program", rows: nil, analyze)
        let trend = try ChildProcess.measure(binary, ["analyze", "--db", db, "--period", "2026-10", "--trend", "12",
                                                      "--format", "json"])
        table.add("analyze 2026-10 --trend 12", rows: nil, trend)
        table.add("render 100 charts to SVG (in process)", rows: 100, try ChartRenderBench.run())
        try reports(binary: binary, work: work, networkDB: db, table: &table)
        table.print(title: "IOP Outcomes benchmark: \(episodes) episodes")
        print("Targets (2 cores): ingest sessions >= 300,000 rows/s and < 250 MB; analyze --by program < 5 s and < 500 MB; "
              + "100 charts to SVG < 1 s; reports: sample monthly < 1 s, accreditation < 3 s, network monthly < 10 s.")
    }

    /// The `read` count from `ingest --format json`.
    static func readCount(in json: String) -> Int? {
        guard let range = json.range(of: "\"read\": ") else { return nil }
        return Int(json[range.upperBound...].prefix { $0.isNumber })
    }
}

/// The printed result table.
struct BenchTable {
    private var lines: [(String, Int?, ChildProcess.Measurement)] = []

    mutating func add(_ step: String, rows: Int?, _ measurement: ChildProcess.Measurement) {
        lines.append((step, rows, measurement))
    }

    func print(title: String) {
        Swift.print(title)
        Swift.print(pad("step", 42) + lpad("rows", 12) + lpad("seconds", 10) + lpad("rows/s", 12) + lpad("peak MB", 10))
        for (step, rows, m) in lines {
            let rate = rows.map { String(Int(Double($0) / m.seconds)) } ?? "-"
            Swift.print(pad(step, 42) + lpad(rows.map(String.init) ?? "-", 12) + lpad(String(format: "%.2f", m.seconds), 10)
                        + lpad(rate, 12) + lpad(String(format: "%.1f", m.peakMegabytes), 10))
        }
    }

    private func pad(_ text: String, _ width: Int) -> String { text.padding(toLength: width, withPad: " ", startingAt: 0) }
    private func lpad(_ text: String, _ width: Int) -> String { String(repeating: " ", count: max(1, width - text.count)) + text }
}
