import OutcomesCore

extension MetricRegistry {
    /// `goals.*`: Goal Attainment Scaling of the discharges in P with a rated goal.
    static let goals: [MetricDefinition] = [
        MetricDefinition(MetricID.goalsTScoreMean, .goals, .mean, unit: "discharges with a rated goal", label: "Mean GAS T",
                         definition: "Kiresuk-Sherman T of discharges with a rated goal: 50 + 10 sum(w x) / sqrt((1 - rho) sum(w^2) + rho (sum w)^2), rho 0.3 unless configured.") { cohort, _ in
            scored(cohort) { EpisodeContribution($0.episodeID, denominator: 1, values: $0.values) }
        },
        MetricDefinition(MetricID.goalsT50Rate, .goals, .rate, unit: "discharges with a rated goal", label: "GAS T >= 50",
                         definition: "Discharges with a rated goal whose T is 50 or more.") { cohort, _ in
            scored(cohort) { EpisodeContribution($0.episodeID, counts: $0.isAtOrAbove50, values: $0.values) }
        },
        MetricDefinition(MetricID.goalsAtOrAboveExpectedRate, .goals, .rate, unit: "rated goals", label: "Goals at expected or better",
                         definition: "Rated goals at level 0 or above.") { cohort, _ in
            scored(cohort) {
                EpisodeContribution($0.episodeID, numerator: $0.goalsAtOrAboveExpected, denominator: $0.ratedGoals, values: $0.values)
            }
        },
        MetricDefinition(MetricID.goalsRho, .goals, .parameter, unit: "discharges with a rated goal", label: "GAS rho",
                         definition: "The inter-goal correlation rho of the T formula (0.3 unless configured); n: the episodes scored with it.") { cohort, _ in
            scored(cohort) { EpisodeContribution($0.episodeID, denominator: 1, values: $0.values) }
        },
    ]

    /// The scored discharges as `member` makes them, then those without a rated goal, left out.
    private static func scored(_ cohort: CohortResult,
                               _ member: (EpisodeTScore) -> EpisodeContribution) -> [EpisodeContribution] {
        cohort.goals.tScores.map(member) + cohort.goals.unratedEpisodeIDs.map {
            EpisodeContribution($0, excluded: "no_rated_goal", values: [])
        }
    }
}

extension EpisodeTScore {
    /// The T score and the rated goals behind it.
    var values: [ExplainedValue] {
        [ExplainedValue("t_score", number: tScore), ExplainedValue("rated_goals", ratedGoals),
         ExplainedValue("goals_at_or_above_expected", goalsAtOrAboveExpected)]
    }
}
