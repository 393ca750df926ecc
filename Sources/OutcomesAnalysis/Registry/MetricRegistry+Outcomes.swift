import OutcomesCore

extension MetricRegistry {
    /// `outcomes.<INSTRUMENT>.*`: symptom outcomes of the discharges in P on one instrument.
    static let outcomes: [MetricDefinition] = [
        outcome("pairs", .rate, unit: "discharges with a score", label: "outcome pairs",
                definition: "Discharges with a baseline (admission +/- 14 days) and a final score (7+ days later, up to discharge + 7), of those with a score.") { row in
            row.hasScore ? EpisodeContribution(row.episodeID, counts: row.pair != nil, values: row.values)
                : EpisodeContribution(row.episodeID, excluded: "no_score_on_instrument", values: row.values)
        },
        outcome("no_pair", .count, unit: "discharges", label: "no outcome pair",
                definition: "Discharges with a score but no valid baseline/final pair.") { row in
            row.hasScore && row.pair == nil ? EpisodeContribution(row.episodeID, denominator: 1, values: row.values) : nil
        },
        paired("mean_baseline", .mean, label: "mean baseline", definition: "Mean baseline score of the pairs."),
        paired("mean_final", .mean, label: "mean final", definition: "Mean final score of the pairs."),
        paired("mean_change", .mean, label: "mean change", definition: "Mean of final - baseline, with a Student-t 95% CI."),
        paired("effect_size", .mean, label: "effect size", definition: "Mean change / SD of change."),
        paired("baseline_sd", .parameter, label: "SD of baselines",
               definition: "Standard deviation (n - 1) of the pairs' baselines: the SD Jacobson-Truax uses."),
        paired("reliable_change_threshold", .parameter, label: "reliable-change threshold",
               definition: "The threshold used, in points: the registry's published one, or Jacobson-Truax 1.96 x SD of baselines x sqrt(2 (1 - reliability)) when asked."),
        paired("reliability", .parameter, label: "reliability",
               definition: "The instrument's reliability coefficient (registry), used by Jacobson-Truax."),
        paired("caseness_cutoff", .parameter, label: "caseness cutoff",
               definition: "The score at or beyond which an episode is a case: the cutoff of recovery."),
        reliable("reliable_improvement_rate", label: "reliable improvement",
                 definition: "Pairs improving by at least the reliable-change threshold.") { $0.category == .improvement },
        reliable("reliable_deterioration_rate", label: "reliable deterioration",
                 definition: "Pairs worsening by at least the reliable-change threshold.") { $0.category == .deterioration },
        cases("recovery_rate", label: "recovery", definition: "Cases at baseline that are not cases at final.",
              needsThreshold: false) { $0.recovered },
        cases("reliable_recovery_rate", label: "reliable recovery",
              definition: "Cases at baseline that recovered and reliably improved.", needsThreshold: true) {
            $0.recovered && $0.category == .improvement
        },
        cases("response_rate", label: "response", definition: "Cases at baseline whose final is at most 50% of baseline.",
              needsThreshold: false) { $0.responded },
        cases("remission_rate", label: "remission", definition: "Cases at baseline whose final is below the remission cutoff.",
              needsThreshold: false) { $0.remitted },
    ]

    /// An outcome metric whose contribution per discharge `contribution` decides (nil: not listed).
    private static func outcome(_ name: String, _ kind: MetricDefinition.Kind, unit: String, label: String, definition: String,
                                contribution: @escaping @Sendable (OutcomeRow) -> EpisodeContribution?) -> MetricDefinition {
        MetricDefinition("outcomes.<INSTRUMENT>.\(name)", .outcomes, kind, unit: unit, label: label,
                         definition: definition) { cohort, code in
            let discharges = cohort.fidelity.episodes.map(\.episodeID)
            return cohort.outcome(code).map { OutcomeRow.rows(of: $0, discharges: discharges).compactMap(contribution) }
        }
    }

    /// A mean over the pairs.
    private static func paired(_ name: String, _ kind: MetricDefinition.Kind, label: String, definition: String) -> MetricDefinition {
        outcome(name, kind, unit: "outcome pairs", label: label, definition: definition) { row in
            row.pair == nil ? EpisodeContribution(row.episodeID, excluded: row.exclusion, values: row.values)
                : EpisodeContribution(row.episodeID, denominator: 1, values: row.values)
        }
    }

    /// A rate over the pairs, defined only with a reliable-change threshold.
    private static func reliable(_ name: String, label: String, definition: String,
                                 counts: @escaping @Sendable (OutcomeRow) -> Bool) -> MetricDefinition {
        outcome(name, .rate, unit: "outcome pairs", label: label, definition: definition) { row in
            guard row.pair != nil else { return EpisodeContribution(row.episodeID, excluded: row.exclusion, values: row.values) }
            guard row.threshold != nil else { return EpisodeContribution(row.episodeID, excluded: "no_threshold", values: row.values) }
            return EpisodeContribution(row.episodeID, counts: counts(row), values: row.values)
        }
    }

    /// A rate over the pairs that were a case at baseline.
    private static func cases(_ name: String, label: String, definition: String, needsThreshold: Bool,
                              counts: @escaping @Sendable (OutcomeRow) -> Bool) -> MetricDefinition {
        outcome(name, .rate, unit: "cases at baseline", label: label, definition: definition) { row in
            guard row.pair != nil else { return EpisodeContribution(row.episodeID, excluded: row.exclusion, values: row.values) }
            guard row.caseAtBaseline else {
                return EpisodeContribution(row.episodeID, excluded: "not_a_case_at_baseline", values: row.values)
            }
            guard !needsThreshold || row.threshold != nil else {
                return EpisodeContribution(row.episodeID, excluded: "no_threshold", values: row.values)
            }
            return EpisodeContribution(row.episodeID, counts: counts(row), values: row.values)
        }
    }
}

/// One discharge in P seen by an instrument's outcome: its pair (if any) and what the pair decided.
struct OutcomeRow: Sendable {
    var episodeID: String
    var instrument: Instrument
    var hasScore: Bool
    var pair: OutcomePair?
    var category: ReliableChangeCategory?
    var threshold: ReliableChange?

    /// Why a discharge without a pair is left out.
    var exclusion: String { hasScore ? "no_outcome_pair" : "no_score_on_instrument" }
    var caseAtBaseline: Bool { pair.map { instrument.isCase($0.baseline.score) } ?? false }
    var caseAtFinal: Bool { pair.map { instrument.isCase($0.final.score) } ?? false }
    var recovered: Bool { caseAtBaseline && !caseAtFinal }
    var responded: Bool { pair.map { instrument.isResponse(baseline: $0.baseline.score, final: $0.final.score) } ?? false }
    var remitted: Bool { pair.map { instrument.isRemission($0.final.score) } ?? false }

    /// One row per discharge in P, in cohort order.
    static func rows(of outcome: SymptomOutcome, discharges: [String]) -> [OutcomeRow] {
        let pairs = Dictionary(outcome.pairs.enumerated().map { ($1.episodeID, $0) }) { first, _ in first }
        return discharges.map { id in
            let index = pairs[id]
            return OutcomeRow(episodeID: id, instrument: outcome.instrument, hasScore: outcome.scoredEpisodeIDs.contains(id),
                              pair: index.map { outcome.pairs[$0] },
                              category: index.flatMap { outcome.categories.indices.contains($0) ? outcome.categories[$0] : nil },
                              threshold: outcome.threshold)
        }
    }

    /// The Jacobson-Truax clinical-significance category, as the clinicalsignificance package names
    /// them: `recovered` (reliably improved from a case to not a case), `improved`, `unchanged`,
    /// `deteriorated`, `harmed` (reliably worse from not a case to a case); nil without a category.
    var clinicalSignificance: String? {
        switch category {
        case .improvement?: return caseAtBaseline && !caseAtFinal ? "recovered" : "improved"
        case .deterioration?: return !caseAtBaseline && caseAtFinal ? "harmed" : "deteriorated"
        case .noReliableChange?: return "unchanged"
        case nil: return nil
        }
    }

    /// Baseline and final date and score, change, threshold, category, case at baseline and final.
    var values: [ExplainedValue] {
        [ExplainedValue("baseline_date", pair?.baseline.day), ExplainedValue("baseline_score", pair?.baseline.score),
         ExplainedValue("final_date", pair?.final.day), ExplainedValue("final_score", pair?.final.score),
         ExplainedValue("change", pair?.change), ExplainedValue("threshold", number: threshold?.points),
         ExplainedValue("category", category?.rawValue), ExplainedValue("clinical_significance", clinicalSignificance),
         ExplainedValue("case_at_baseline", pair == nil ? nil : caseAtBaseline),
         ExplainedValue("case_at_final", pair == nil ? nil : caseAtFinal)]
    }
}
