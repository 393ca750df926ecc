import OutcomesCore

extension MetricRegistry {
    /// `outcomes.combined.*`: the paired PHQ-9 and GAD-7 outcome (NHS Talking Therapies).
    static let combined: [MetricDefinition] = [
        MetricDefinition(MetricID.outcome(MetricID.combined, "pairs"), .outcomes, .rate,
                         unit: "discharges with both scores", label: "PHQ-9/GAD-7 combined outcome pairs",
                         definition: "Discharges with both a PHQ-9 and a GAD-7 pair, of those with a score on both.") { cohort, _ in
            cohort.combined.map { combined in
                combined.episodes.map { EpisodeContribution($0.episodeID, counts: true, values: $0.values) }
                    + combined.unpairedEpisodeIDs.map { EpisodeContribution($0, counts: false, values: []) }
            }
        },
        pairs("reliable_improvement_rate", label: "reliable improvement",
              definition: "Episodes with both pairs: reliable improvement on at least one and reliable deterioration on neither.") {
            $0.improved
        },
        pairs("reliable_deterioration_rate", label: "reliable deterioration",
              definition: "Episodes with both pairs: reliable deterioration on at least one and reliable improvement on neither.") {
            $0.deteriorated
        },
        cases("recovery_rate", label: "recovery", needsThresholds: false,
              definition: "Case at baseline (PHQ-9 >= 10 or GAD-7 >= 8) and below both cutoffs at final.") { $0.recovered },
        cases("reliable_recovery_rate", label: "reliable recovery", needsThresholds: true,
              definition: "Recovery and reliable improvement, over the cases at baseline.") { $0.recovered && $0.improved },
    ]

    /// A rate over the episodes with both pairs, defined only with both thresholds.
    private static func pairs(_ name: String, label: String, definition: String,
                              counts: @escaping @Sendable (CombinedEpisode) -> Bool) -> MetricDefinition {
        MetricDefinition(MetricID.outcome(MetricID.combined, name), .outcomes, .rate, unit: "episodes with both pairs",
                         label: "PHQ-9/GAD-7 combined \(label)", definition: definition) { cohort, _ in
            cohort.combined.map { combined in
                combined.episodes.map {
                    combined.hasThresholds ? EpisodeContribution($0.episodeID, counts: counts($0), values: $0.values)
                        : EpisodeContribution($0.episodeID, excluded: "no_threshold", values: $0.values)
                }
            }
        }
    }

    /// A rate over the episodes with both pairs that were a case at baseline.
    private static func cases(_ name: String, label: String, needsThresholds: Bool, definition: String,
                              counts: @escaping @Sendable (CombinedEpisode) -> Bool) -> MetricDefinition {
        MetricDefinition(MetricID.outcome(MetricID.combined, name), .outcomes, .rate, unit: "cases at baseline",
                         label: "PHQ-9/GAD-7 combined \(label)", definition: definition) { cohort, _ in
            cohort.combined.map { combined in
                combined.episodes.map {
                    if !$0.caseAtBaseline {
                        return EpisodeContribution($0.episodeID, excluded: "not_a_case_at_baseline", values: $0.values)
                    }
                    if needsThresholds, !combined.hasThresholds {
                        return EpisodeContribution($0.episodeID, excluded: "no_threshold", values: $0.values)
                    }
                    return EpisodeContribution($0.episodeID, counts: counts($0), values: $0.values)
                }
            }
        }
    }
}

extension CombinedEpisode {
    /// Both pairs, their categories, and case at baseline and final.
    var values: [ExplainedValue] {
        [ExplainedValue("phq9_baseline", depression.baseline.score), ExplainedValue("phq9_final", depression.final.score),
         ExplainedValue("phq9_category", depressionCategory.rawValue),
         ExplainedValue("gad7_baseline", anxiety.baseline.score), ExplainedValue("gad7_final", anxiety.final.score),
         ExplainedValue("gad7_category", anxietyCategory.rawValue),
         ExplainedValue("case_at_baseline", caseAtBaseline), ExplainedValue("case_at_final", caseAtFinal)]
    }
}
