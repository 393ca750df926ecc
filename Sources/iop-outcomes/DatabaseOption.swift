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
        try requireFile()
        return try OutcomesDatabase(path: db)
    }

    /// A private temporary copy of an initialised database (`OutcomesDatabase.readOnlySnapshot`),
    /// read without writing a byte to the file.
    func openReadOnly() throws -> OutcomesDatabase {
        try requireFile()
        return try OutcomesDatabase.readOnlySnapshot(path: db)
    }

    private func requireFile() throws {
        guard FileManager.default.fileExists(atPath: db) else {
            throw CommandFailure("\(db): no such database; create it with `iop-outcomes init --db \(db)`")
        }
    }

    /// The pseudonymisation key created by `init`. A missing or unusable key is an error, never
    /// silently replaced: a new key would give every patient a new pseudonym.
    func pseudonymizer() throws -> Pseudonymizer {
        let state = try PseudonymKeyFile.state(path: keyPath)
        switch state {
        case .valid(let key):
            return Pseudonymizer(key: key)
        case .missing:
            throw CommandFailure("\(keyPath): \(state.problem ?? ""); it is created by `iop-outcomes init --db \(db)`")
        case .invalid:
            throw CommandFailure("\(keyPath): \(state.problem ?? ""); `iop-outcomes init --db \(db)` replaces it "
                                 + "while the database holds no patient records")
        }
    }
}
