import ArgumentParser
import Foundation
import OutcomesIngest
import OutcomesStore

/// `iop-outcomes init`: creates the database and its pseudonymisation key, both owner-only.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a program database and its pseudonymisation key (owner-only files).",
        discussion: """
        Safe to re-run: the schema is brought up to date and a valid key is kept. A missing, empty or \
        otherwise unusable key is replaced only while the database holds no patient records; with \
        records present, init refuses and changes nothing.
        """)

    @OptionGroup var database: DatabaseOption

    func run() throws {
        let existed = FileManager.default.fileExists(atPath: database.db)
        let db = try OutcomesDatabase(path: database.db)
        let key = try PseudonymKeyFile.prepare(path: database.keyPath, holdsPseudonyms: try db.holdsPseudonyms())
        let schema = existed ? "\(database.db): schema up to date" : "created \(database.db)"
        switch key {
        case .kept:
            print(existed ? "\(database.db): already initialised; schema up to date"
                          : "\(schema); kept the existing key \(database.keyPath)")
        case .created:
            print(existed ? "\(schema); created the missing key \(database.keyPath)"
                          : "created \(database.db) and \(database.keyPath)")
        case .replaced(let problem):
            print("\(schema); \(database.keyPath): \(problem), and no record used it: replaced with a new key")
        }
    }
}
