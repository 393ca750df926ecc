import Foundation

/// Runs the built `iop-outcomes` executable, as a user would.
struct Executable {
    struct Result {
        /// The exit code, or the signal number when the process was killed by one.
        var status: Int32
        /// False when a signal ended the process (a crash).
        var exited: Bool
        var stdout: String
        var stderr: String
    }

    /// The package root, found from this file's location.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The executable built beside the test bundle.
    static let url: URL = {
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var directory = testBinary.deletingLastPathComponent()
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("iop-outcomes")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return packageRoot.appendingPathComponent(".build/debug/iop-outcomes")
    }()

    /// Runs the executable with `arguments` in the package root and waits for it.
    @discardableResult
    static func run(_ arguments: [String], in directory: URL = packageRoot) throws -> Result {
        let process = try start(arguments, in: directory)
        let (out, err) = (process.standardOutput as! Pipe, process.standardError as! Pipe)
        // Standard error is drained on another thread: a child that fills one pipe while the
        // test reads the other would otherwise never finish.
        nonisolated(unsafe) var stderr = Data()
        let drained = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            stderr = err.fileHandleForReading.readDataToEndOfFile()
            drained.signal()
        }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        drained.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, exited: process.terminationReason == .exit,
                      stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Starts the executable without waiting (for the kill test).
    static func start(_ arguments: [String], in directory: URL = packageRoot) throws -> Process {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardOutput = Pipe()
        process.standardError = Pipe()
        try process.run()
        return process
    }
}

/// A temporary folder removed when the test ends.
final class TemporaryFolder: Sendable {
    let url: URL

    init() throws {
        url = scratchFolder.appendingPathComponent("folder-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    deinit { try? FileManager.default.removeItem(at: url) }
}
