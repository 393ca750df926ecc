import ArgumentParser
import OutcomesCore
import OutcomesReports

/// The reporting period: `--period YYYY-MM`, or `--from DATE --to DATE`.
struct PeriodOptions: ParsableArguments {
    @Option(help: ArgumentHelp("A calendar month, YYYY-MM (instead of --from and --to).", valueName: "month"))
    var period: String?

    @Option(help: ArgumentHelp("First day of the period, YYYY-MM-DD.", valueName: "date"))
    var from: String?

    @Option(help: ArgumentHelp("Last day of the period, YYYY-MM-DD.", valueName: "date"))
    var to: String?

    /// The period the options name; commands call it from their `validate()`, so a mistake is
    /// a usage error.
    func resolved() throws -> Period {
        switch (period, from, to) {
        case (let month?, nil, nil):
            guard let period = Period.month(month) else { throw ValidationError("--period takes a month as YYYY-MM, not '\(month)'") }
            return period
        case (nil, let from?, let to?):
            guard let first = Day(iso: from) else { throw ValidationError("--from takes a date as YYYY-MM-DD, not '\(from)'") }
            guard let last = Day(iso: to) else { throw ValidationError("--to takes a date as YYYY-MM-DD, not '\(to)'") }
            guard first <= last else { throw ValidationError("--from \(from) is after --to \(to)") }
            return Period(from: first, to: last)
        default:
            throw ValidationError("give --period YYYY-MM, or both --from and --to")
        }
    }

    /// The plan of a report definition: `--period` follows the definition's period rule (the
    /// accreditation packet covers the 12 months ending with it), `--from`/`--to` is taken as is.
    func plan(for definition: ReportDefinition) throws -> ReportPlan {
        let resolved = try resolved()
        return period == nil ? ReportPlan(definition, range: resolved) : ReportPlan(definition, month: resolved)
    }

    /// The options as given, for a report's provenance.
    var arguments: String {
        period.map { "--period \($0)" } ?? "--from \(from ?? "") --to \(to ?? "")"
    }
}
