import OutcomesCore

extension MetricRegistry {
    /// `fidelity.*`: measurement-based care over the discharges and episode-weeks of P.
    static let fidelity: [MetricDefinition] = [
        discharged(MetricID.baselineRate, label: "Baseline score",
                   definition: "Discharges with a score within 14 days either side of admission.") { $0.baseline },
        discharged(MetricID.twoScoresRate, label: "Two or more scores",
                   definition: "Discharges with 2 or more scores on one instrument.") { $0.twoScores },
        discharged(MetricID.dischargeScoreRate, label: "Discharge score",
                   definition: "Discharges with a discharge-timepoint score or one within 7 days of discharge.") { $0.dischargeScore },
        MetricDefinition(MetricID.weeklyMeasurementRate, .fidelity, .rate, unit: "episode-weeks", label: "Weekly measurement",
                         definition: "Complete episode-weeks in the period with at least one score.") { cohort, _ in
            cohort.episodeWeeks.episodes.map { weekContribution($0, numerator: $0.weeksWithScore) }
        },
    ]

    /// A rate over the discharges in P whose numerator holds those `counts` accepts.
    private static func discharged(
        _ id: String, label: String, definition: String,
        counts: @escaping @Sendable (Fidelity.EpisodeFacts) -> Bool
    ) -> MetricDefinition {
        MetricDefinition(id, .fidelity, .rate, unit: "discharges", label: label, definition: definition) { cohort, _ in
            cohort.fidelity.episodes.map {
                EpisodeContribution($0.episodeID, counts: counts($0), values: [
                    ExplainedValue("baseline_score", $0.baseline), ExplainedValue("two_scores", $0.twoScores),
                    ExplainedValue("discharge_score", $0.dischargeScore),
                ])
            }
        }
    }
}
