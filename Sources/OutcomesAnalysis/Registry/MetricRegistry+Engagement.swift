import OutcomesCore

extension MetricRegistry {
    /// `engagement.*`: attendance, dose, first session, disengagement, completion and retention.
    static let engagement: [MetricDefinition] = sessions + weeks + [
        MetricDefinition(MetricID.daysToFirstSessionMedian, .firstSession, .median, unit: "admissions",
                         label: "Days to first session",
                         definition: "Median days from admission to the first attended session, admissions in the period.") { cohort, _ in
            cohort.firstSession.episodes.map { item in
                let values = [ExplainedValue("admission", item.admission), ExplainedValue("first_attended", item.firstAttended),
                              ExplainedValue("days", item.firstAttended.map { item.admission.days(to: $0) })]
                return item.firstAttended == nil ? EpisodeContribution(item.episodeID, excluded: "no_attended_session", values: values)
                    : EpisodeContribution(item.episodeID, denominator: 1, values: values)
            }
        },
        MetricDefinition(MetricID.firstSessionPending, .firstSession, .count, unit: "admissions", label: "Awaiting a first session",
                         definition: "Admissions in the period without an attended session by its end (left out of the median days to first session).") { cohort, _ in
            cohort.firstSession.episodes.filter { $0.firstAttended == nil }.map {
                EpisodeContribution($0.episodeID, denominator: 1, values: [ExplainedValue("admission", $0.admission)])
            }
        },
        MetricDefinition(MetricID.disengagedRate, .disengagement, .rate, unit: "active episodes", label: "Disengaged",
                         definition: "Active episodes whose latest 3 or more scheduled sessions were all missed.") { cohort, _ in
            cohort.disengagement.episodes.map {
                EpisodeContribution($0.episodeID, counts: $0.missedRun >= Disengagement.runLength,
                                    values: [ExplainedValue("latest_missed_in_a_row", $0.missedRun)])
            }
        },
        discharge(MetricID.completionRate, label: "Completion rate", definition: "Completed / discharges in the period.") {
            $0.reason == .completed
        },
        discharge(MetricID.dropoutRate, label: "Dropout rate",
                  definition: "Against advice or lost to contact / discharges in the period.") { $0.reason?.isDropout == true },
        discharge(MetricID.earlyDropoutRate, label: "Early dropout rate",
                  definition: "Dropouts with a stay of 14 days or less / discharges in the period.") {
            $0.reason?.isDropout == true && $0.lengthOfStay <= DischargeOutcomes.earlyDropoutDays
        },
        MetricDefinition(MetricID.retentionMedian, .retention, .median, unit: "admissions", label: "Median retention (days)",
                         definition: "Kaplan-Meier median days to dropout, admissions of the 12 months ending with the period followed to its end; other endings and active episodes censored; 95% CI by log(-log) Greenwood.") { cohort, _ in
            cohort.retention.episodes.map {
                EpisodeContribution($0.episodeID, denominator: 1, values: [
                    ExplainedValue("days", $0.observation.time),
                    ExplainedValue("ending", $0.observation.event ? "dropout" : "censored"),
                ])
            }
        },
    ]

    /// Rates over the sessions dated in P, and sessions attended per episode.
    private static let sessions: [MetricDefinition] = [
        session(MetricID.attendanceRate, label: "Attendance rate",
                definition: "Attended, late or left early / scheduled (all but programme cancellations), sessions in the period.") { $0.attended },
        session(MetricID.noShowRate, label: "No-show rate", definition: "No-shows / scheduled sessions in the period.") { $0.noShows },
        session(MetricID.patientCancelRate, label: "Patient-cancel rate",
                definition: "Patient cancellations / scheduled sessions in the period.") { $0.patientCancellations },
        MetricDefinition(MetricID.sessionsAttendedMean, .attendance, .mean, unit: "episodes", label: "Sessions attended per episode",
                         definition: "Mean attended sessions in the period, episodes with a scheduled session.") { cohort, _ in
            cohort.attendance.episodes.map {
                $0.scheduled > 0 ? EpisodeContribution($0.episodeID, denominator: 1, values: $0.values)
                    : EpisodeContribution($0.episodeID, excluded: "no_scheduled_session", values: $0.values)
            }
        },
    ]

    /// Service hours and dose over complete episode-weeks ending in P.
    private static let weeks: [MetricDefinition] = [
        MetricDefinition(MetricID.serviceHoursMean, .episodeWeeks, .mean, unit: "episode-weeks", label: "Service hours per week",
                         definition: "Mean attended hours per complete episode-week (7-day blocks from admission) ending in the period.") { cohort, _ in
            cohort.episodeWeeks.episodes.map { weekContribution($0, numerator: 0) }
        },
        MetricDefinition(MetricID.doseAdequacyRate, .episodeWeeks, .rate, unit: "episode-weeks", label: "Dose adequacy",
                         definition: "Complete episode-weeks meeting the programme minimum (default 9 h, 6 h under 18).") { cohort, _ in
            cohort.episodeWeeks.episodes.map { weekContribution($0, numerator: $0.adequateWeeks) }
        },
        MetricDefinition(MetricID.partialWeeksExcluded, .episodeWeeks, .count, unit: "episode-weeks", label: "Partial weeks excluded",
                         definition: "Episode-weeks ending in the period but cut short by discharge.") { cohort, _ in
            cohort.episodeWeeks.episodes.filter { $0.partialWeeks > 0 }.map {
                EpisodeContribution($0.episodeID, denominator: $0.partialWeeks, values: $0.values)
            }
        },
    ]

    /// A rate over scheduled sessions whose numerator counts `part` of each episode's sessions.
    private static func session(_ id: String, label: String, definition: String,
                                part: @escaping @Sendable (EpisodeSessions) -> Int) -> MetricDefinition {
        MetricDefinition(id, .attendance, .rate, unit: "sessions", label: label, definition: definition) { cohort, _ in
            cohort.attendance.episodes.map {
                $0.scheduled > 0 ? EpisodeContribution($0.episodeID, numerator: part($0), denominator: $0.scheduled, values: $0.values)
                    : EpisodeContribution($0.episodeID, excluded: "no_scheduled_session", values: $0.values)
            }
        }
    }

    /// A rate over the discharges in P whose numerator holds the discharges `counts` accepts.
    private static func discharge(_ id: String, label: String, definition: String,
                                  counts: @escaping @Sendable (DischargeOutcomes.EpisodeFacts) -> Bool) -> MetricDefinition {
        MetricDefinition(id, .dischargeOutcomes, .rate, unit: "discharges", label: label, definition: definition) { cohort, _ in
            cohort.dischargeOutcomes.episodes.map {
                EpisodeContribution($0.episodeID, counts: counts($0), values: [
                    ExplainedValue("discharge_reason", $0.reason?.rawValue), ExplainedValue("length_of_stay", $0.lengthOfStay),
                ])
            }
        }
    }

    /// An episode's complete weeks as members (`numerator` of them counted), or left out without one.
    static func weekContribution(_ facts: EpisodeWeekFacts, numerator: Int) -> EpisodeContribution {
        facts.hours.isEmpty ? EpisodeContribution(facts.episodeID, excluded: "no_complete_week", values: facts.values)
            : EpisodeContribution(facts.episodeID, numerator: numerator, denominator: facts.hours.count, values: facts.values)
    }
}

extension EpisodeSessions {
    /// The session counts by how they ended.
    var values: [ExplainedValue] {
        [ExplainedValue("scheduled", scheduled), ExplainedValue("attended", attended), ExplainedValue("no_show", noShows),
         ExplainedValue("cancelled_patient", patientCancellations), ExplainedValue("cancelled_program", programCancellations)]
    }
}

extension EpisodeWeekFacts {
    /// Complete and partial weeks, hours of each complete week and the minimum that applies.
    var values: [ExplainedValue] {
        [ExplainedValue("complete_weeks", hours.count), ExplainedValue("partial_weeks", partialWeeks),
         ExplainedValue("hours_per_week", hours.map { NumberText.exact($0) }.joined(separator: ";")),
         ExplainedValue("minimum_hours", number: minimumHours), ExplainedValue("adequate_weeks", adequateWeeks),
         ExplainedValue("weeks_with_score", weeksWithScore)]
    }
}
