import ArgumentParser
import Foundation
import OutcomesIngest
import OutcomesStore

/// `--db PATH`: the program database, with its pseudonymisation key beside it (`PATH.key`).
struct DatabaseOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The program database (SQLite).", valueName: "path"))
    var db: String

    var keyPath: String { db + ".key" }

    /// Opens an initialised database; fails with a hint when `init` has not been run.
    func open() throws -> OutcomesDatabase {
        guard FileManager.default.fileExists(atPath: db) else {
            throw CommandFailure("\(db): no such database; create it with `iop-outcomes init --db \(db)`")
        }
        return try OutcomesDatabase(path: db)
    }

    /// The pseudonymisation key created by `init`.
    func pseudonymizer() throws -> Pseudonymizer {
        try PseudonymKeyFile.read(path: keyPath)
    }
}

/// The pseudonymisation key file: 32 random bytes as hex, owner-only.
enum PseudonymKeyFile {
    static func create(path: String) throws {
        guard !FileManager.default.fileExists(atPath: path) else { return }
        try OwnerOnlyFile.create(path)
        let hex = Pseudonymizer.newKey().map { String(format: "%02x", $0) }.joined()
        try Data((hex + "\n").utf8).write(to: URL(fileURLWithPath: path))
    }

    static func read(path: String) throws -> Pseudonymizer {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw CommandFailure("\(path): the pseudonymisation key is missing; it is created by `iop-outcomes init`")
        }
        let hex = Array(text.trimmingCharacters(in: .whitespacesAndNewlines).utf8)
        guard hex.count == 64 else { throw CommandFailure("\(path): not a pseudonymisation key (64 hex digits expected)") }
        var key: [UInt8] = []
        for index in stride(from: 0, to: 64, by: 2) {
            guard let byte = UInt8(String(decoding: hex[index..<index + 2], as: UTF8.self), radix: 16) else {
                throw CommandFailure("\(path): not a pseudonymisation key (64 hex digits expected)")
            }
            key.append(byte)
        }
        return Pseudonymizer(key: key)
    }
}
