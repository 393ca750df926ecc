import Foundation
import OutcomesAnalysis

/// Runs a command as a child process and measures its wall time and peak memory (the
/// child's maximum resident set size, from `wait4`).
struct ChildProcess {
    struct Measurement {
        var seconds: Double
        /// User and system CPU seconds: over `seconds`, how many cores the step kept busy.
        var cpuSeconds: Double
        var peakMegabytes: Double
        var output: String

        /// The median wall and CPU times, the largest peak memory and the last run's output of
        /// `runs` (not empty).
        static func median(_ runs: [Measurement]) -> Measurement {
            Measurement(seconds: Descriptive.median(runs.map(\.seconds)) ?? 0,
                        cpuSeconds: Descriptive.median(runs.map(\.cpuSeconds)) ?? 0,
                        peakMegabytes: runs.map(\.peakMegabytes).max() ?? 0, output: runs.last?.output ?? "")
        }
    }

    /// Runs `executable` with `arguments` `runs` times: the median wall time, the largest peak
    /// memory and the last run's output. A step of a fraction of a second varies by a third from
    /// one run to the next on a shared 2-core machine; the median of several is what it takes.
    static func measure(_ executable: String, _ arguments: [String], runs: Int) throws -> Measurement {
        var measurements: [Measurement] = []
        for _ in 0..<max(runs, 1) { measurements.append(try measure(executable, arguments)) }
        return Measurement.median(measurements)
    }

    /// Runs `executable` with `arguments`, capturing standard output; fails when the child fails.
    static func measure(_ executable: String, _ arguments: [String]) throws -> Measurement {
        let outputPath = FileManager.default.temporaryDirectory.appendingPathComponent("iop-bench-\(getpid()).out").path
        defer { try? FileManager.default.removeItem(atPath: outputPath) }
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let start = DispatchTime.now()
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard spawned == 0 else { throw BenchError("cannot start \(executable): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        var usage = rusage()
        guard wait4(pid, &status, 0, &usage) == pid else { throw BenchError("lost the child process") }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        guard status == 0 else {
            throw BenchError("\(([executable] + arguments).joined(separator: " ")) failed (status \(status)):\n\(output)")
        }
        // ru_maxrss is in kilobytes on Linux.
        return Measurement(seconds: seconds, cpuSeconds: usage.cpuSeconds,
                           peakMegabytes: Double(usage.ru_maxrss) / 1024, output: output)
    }
}

extension rusage {
    /// User and system CPU seconds.
    var cpuSeconds: Double {
        [ru_utime, ru_stime].reduce(0) { $0 + Double($1.tv_sec) + Double($1.tv_usec) / 1e6 }
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
