import OutcomesCore

extension MetricRegistry {
    /// `census.*`: counts and the length of stay of the cohort's episodes in P.
    static let census: [MetricDefinition] = [
        MetricDefinition(MetricID.admissions, .census, .count, unit: "episodes", label: "Admissions",
                         definition: "Episodes admitted in the period.") { cohort, _ in
            cohort.census.episodes.filter(\.admitted).map { EpisodeContribution($0.episodeID, denominator: 1, values: $0.values) }
        },
        MetricDefinition(MetricID.discharges, .census, .count, unit: "episodes", label: "Discharges",
                         definition: "Episodes discharged in the period.") { cohort, _ in
            cohort.census.episodes.filter(\.discharged).map { EpisodeContribution($0.episodeID, denominator: 1, values: $0.values) }
        },
        MetricDefinition(MetricID.activeEnd, .census, .count, unit: "episodes", label: "Active at end",
                         definition: "Admitted on or before the last day and not discharged by then.") { cohort, _ in
            cohort.census.episodes.filter(\.activeAtEnd).map { EpisodeContribution($0.episodeID, denominator: 1, values: $0.values) }
        },
        MetricDefinition(MetricID.patientDays, .census, .count, unit: "patient-days", label: "Patient-days",
                         definition: "Days in the period each episode was open, admission and discharge day both counted.") { cohort, _ in
            cohort.census.episodes.filter { $0.daysOpen > 0 }.map {
                EpisodeContribution($0.episodeID, denominator: $0.daysOpen, values: $0.values + [ExplainedValue("days_open", $0.daysOpen)])
            }
        },
        MetricDefinition(MetricID.losMedian, .census, .median, unit: "discharges", label: "Median length of stay (days)",
                         definition: "Discharge date minus admission date, discharges in the period.") { cohort, _ in
            cohort.census.episodes.filter(\.discharged).map {
                EpisodeContribution($0.episodeID, denominator: 1, values: $0.values + [ExplainedValue("length_of_stay", $0.lengthOfStay)])
            }
        },
        MetricDefinition("census.discharge_reason.<REASON>", .census, .rate, unit: "discharges", label: "Discharged:",
                         definition: "Discharges in the period with this reason / all discharges in the period.") { cohort, reason in
            cohort.census.episodes.filter(\.discharged).map {
                EpisodeContribution($0.episodeID, counts: $0.reason?.rawValue == reason, values: $0.values)
            }
        },
    ]
}

extension EpisodeCensus {
    /// Admission and discharge dates and the discharge reason.
    var values: [ExplainedValue] {
        [ExplainedValue("admission", admission), ExplainedValue("discharge", discharge),
         ExplainedValue("discharge_reason", reason?.rawValue)]
    }
}
