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

    /// The pseudonymisation key created by `init`. A missing key is an error, never silently
    /// replaced: a new key would give every patient a new pseudonym.
    func pseudonymizer() throws -> Pseudonymizer {
        guard FileManager.default.fileExists(atPath: keyPath) else {
            throw CommandFailure("\(keyPath): the pseudonymisation key is missing; it is created by `iop-outcomes init`")
        }
        return Pseudonymizer(key: try PseudonymKeyFile.loadOrCreate(path: keyPath))
    }
}
