import ArgumentParser
import Foundation
import OutcomesIngest
import OutcomesStore

/// `iop-outcomes init`: creates the database and its pseudonymisation key, both owner-only.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a program database and its pseudonymisation key (owner-only files).")

    @OptionGroup var database: DatabaseOption

    func run() throws {
        let existed = FileManager.default.fileExists(atPath: database.db)
        _ = try OutcomesDatabase(path: database.db)
        _ = try PseudonymKeyFile.loadOrCreate(path: database.keyPath)
        print(existed ? "\(database.db): already initialised; schema up to date" : "created \(database.db) and \(database.keyPath)")
    }
}
