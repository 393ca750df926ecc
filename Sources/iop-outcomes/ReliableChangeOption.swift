import ArgumentParser
import OutcomesAnalysis

/// `--reliable-change published|jacobson-truax`: how reliable change is judged (SPEC section 5).
struct ReliableChangeOption: ParsableArguments {
    @Option(name: .customLong("reliable-change"),
            help: "published (the registry's thresholds, default) or jacobson-truax (from the cohort's baselines).")
    var reliableChange: ReliableChangeMethod = .published
}

extension ReliableChangeMethod: ExpressibleByArgument {}
