import ArgumentParser
import Foundation
import OutcomesCore
import OutcomesSampleData

/// `iop-outcomes sample-data`: writes a deterministic synthetic program as canonical CSVs.
struct SampleDataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample-data",
        abstract: "Write a synthetic IOP network as the five canonical CSV files (deterministic).",
        discussion: "The same --episodes, --seed and --end give byte-identical files.")

    @Option(help: "Number of episodes.")
    var episodes = 300

    @Option(help: "Random seed.")
    var seed: UInt64 = 2026

    @Option(help: ArgumentHelp("Last day of the history the program covers (YYYY-MM-DD).", valueName: "date"))
    var end = "2026-10-31"

    @Option(help: "Years of history ending on --end, over which the episodes' admissions are spread.")
    var years = 1

    @Option(help: ArgumentHelp("Output folder (created if needed).", valueName: "dir"))
    var out: String

    @Flag(help: "Also write the EHR-flavoured export (ehr-export/) and the dirty rows (dirty/) beside the CSVs.")
    var withVariants = false

    @Flag(help: "Also write the program as a FHIR R4 Bulk Data export (fhir/) beside the CSVs.")
    var fhir = false

    mutating func validate() throws {
        guard episodes > 0 else { throw ValidationError("--episodes must be positive") }
        guard years > 0 else { throw ValidationError("--years must be positive") }
        guard Day(iso: end) != nil else { throw ValidationError("--end takes a date as YYYY-MM-DD, not '\(end)'") }
    }

    func run() throws {
        guard let endDate = Day(iso: end) else { return }
        let program = SampleProgram(episodes: episodes, seed: seed, endDate: endDate, years: years)
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        try program.writeCanonical(to: out)
        var written = [out]
        if withVariants {
            let ehr = (out as NSString).appendingPathComponent("ehr-export")
            let dirty = (out as NSString).appendingPathComponent("dirty")
            for folder in [ehr, dirty] { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
            try program.writeEHRExport(to: ehr)
            try program.writeDirty(to: dirty)
            written += [ehr, dirty]
        }
        if fhir {
            let folder = (out as NSString).appendingPathComponent("fhir")
            try program.writeFHIRExport(to: folder)
            written.append(folder)
        }
        let history = "\(years) year\(years == 1 ? "" : "s") ending \(end)"
        print("wrote \(episodes) episodes (seed \(seed), \(history)) to \(written.joined(separator: ", "))")
    }
}
