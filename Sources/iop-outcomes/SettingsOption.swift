import ArgumentParser
import OutcomesAnalysis
import OutcomesCore
import OutcomesIngest
import OutcomesReports

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
        let settings = try programSettings { MetricRegistry.isKnown($0) { _ in true } }
        return AnalysisOptions(period: period, reliableChange: reliableChange, settings: settings)
    }

    /// The settings file's content (empty without one); a target naming an unknown metric is an
    /// error at its line.
    func programSettings(isKnownMetric: (String) -> Bool) throws -> ProgramSettings {
        guard let path = settings else { return ProgramSettings() }
        let loaded = try SettingsFile.load(path: path)
        if let unknown = loaded.targets.first(where: { !isKnownMetric($0.metric) }) {
            throw IngestFileError(file: path, line: unknown.line, message: "targets: unknown metric '\(unknown.metric)'")
        }
        return loaded
    }

    /// The program's targets by metric, checked against the metrics the analysis computes.
    func targets(_ vocabulary: ReportDefinition.Vocabulary) throws -> [String: Double] {
        let list = try programSettings(isKnownMetric: vocabulary.isKnownMetric).targets
        return Dictionary(list.map { ($0.metric, $0.value) }) { _, last in last }
    }
}

extension ReliableChangeMethod: ExpressibleByArgument {}
