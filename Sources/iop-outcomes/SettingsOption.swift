import ArgumentParser
import OutcomesAnalysis
import OutcomesCore
import OutcomesIngest

/// `--settings FILE.yaml`: a program's dose minimums, substance-use programs and GAS rho
/// (`Docs/settings-example.yaml`), and `--reliable-change`.
struct AnalysisSettingsOptions: ParsableArguments {
    @Option(help: ArgumentHelp("A program settings file (YAML): dose minimums, substance-use programs, GAS rho.",
                               valueName: "file.yaml"))
    var settings: String?

    @Option(name: .customLong("reliable-change"),
            help: "published (the registry's thresholds, default) or jacobson-truax (from the cohort's baselines).")
    var reliableChange: ReliableChangeMethod = .published

    /// The analysis options for P: defaults, replaced by what the settings file gives.
    func options(period: Period) throws -> AnalysisOptions {
        let settings = try self.settings.map { try SettingsFile.load(path: $0) } ?? ProgramSettings()
        return AnalysisOptions(period: period, reliableChange: reliableChange, settings: settings)
    }
}

extension ReliableChangeMethod: ExpressibleByArgument {}
