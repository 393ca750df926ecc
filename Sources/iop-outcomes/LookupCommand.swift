import ArgumentParser

/// `iop-outcomes lookup`: prints the pseudonym of a source patient identifier.
struct LookupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lookup",
        abstract: "Print the pseudonym that a source patient identifier has in this database.",
        discussion: "For a clinician who holds the key: reports and exports show pseudonyms only.")

    @OptionGroup var database: DatabaseOption

    @Argument(help: "The source patient identifier, as in the EHR export.")
    var id: String

    func run() throws {
        print(try database.pseudonymizer().pseudonym(for: id))
    }
}
