import OutcomesCore

extension MetricRegistry {
    /// `relapse.*`: symptom relapse, step-up, post-discharge acute care and readmission, return
    /// to use and post-discharge deterioration.
    static let relapse: [MetricDefinition] = [
        MetricDefinition("relapse.<INSTRUMENT>.symptom_relapse_rate", .symptomRelapse, .rate,
                         unit: "episodes that reached response or remission", label: "symptom relapse",
                         definition: "After response or remission, a later score again a case and reliably above the lowest so far.") { cohort, code in
            cohort.symptomRelapse.first { $0.instrument == code }.map { relapse in
                relapse.episodes.map { item in
                    let values = [ExplainedValue("baseline_date", item.baseline.day), ExplainedValue("baseline_score", item.baseline.score),
                                  ExplainedValue("course", item.course.map { "\($0)" })]
                    switch item.course {
                    case nil: return EpisodeContribution(item.episodeID, excluded: "not_a_case_at_baseline", values: values)
                    case .neverReached?:
                        return EpisodeContribution(item.episodeID, excluded: "no_response_or_remission", values: values)
                    case .reached?, .relapsed?:
                        guard relapse.hasThreshold else {
                            return EpisodeContribution(item.episodeID, excluded: "no_threshold", values: values)
                        }
                        return EpisodeContribution(item.episodeID, counts: item.course == .relapsed, values: values)
                    }
                }
            }
        },
        MetricDefinition(MetricID.stepUpRate, .stepUp, .rate, unit: "discharges", label: "Step-up",
                         definition: "Discharged to a higher level of care, or a PHP or inpatient admission during the episode.") { cohort, _ in
            cohort.stepUp.episodes.map {
                EpisodeContribution($0.episodeID, counts: $0.reason == .stepUp || $0.event != nil, values: [
                    ExplainedValue("discharge_reason", $0.reason?.rawValue), ExplainedValue("event", $0.event?.type.rawValue),
                    ExplainedValue("event_date", $0.event?.date),
                ])
            }
        },
        postDischarge(MetricID.acuteCare30Rate, window: 30, label: "Acute care within 30 days", acuteCare: true,
                      definition: "ED visit, inpatient stay or crisis contact on days 1-30 after discharge (newest fully elapsed cohort)."),
        postDischarge(MetricID.acuteCare90Rate, window: 90, label: "Acute care within 90 days", acuteCare: true,
                      definition: "ED visit, inpatient stay or crisis contact on days 1-90 after discharge (newest fully elapsed cohort)."),
        postDischarge(MetricID.readmission30Rate, window: 30, label: "Readmission within 30 days", acuteCare: false,
                      definition: "Another episode of the same patient admitted on days 1-30 after discharge."),
        postDischarge(MetricID.readmission90Rate, window: 90, label: "Readmission within 90 days", acuteCare: false,
                      definition: "Another episode of the same patient admitted on days 1-90 after discharge."),
        MetricDefinition(MetricID.returnToUseRate, .returnToUse, .rate, unit: "substance-use discharges", label: "Return to use",
                         definition: "Substance-use discharges with a use event after 14 or more use-free days in the episode.") { cohort, _ in
            cohort.returnToUse.episodes.map {
                let values = [ExplainedValue("program", $0.program),
                              ExplainedValue("use_days", $0.useDays.map(\.description).joined(separator: ";"))]
                return $0.inScope ? EpisodeContribution($0.episodeID, counts: $0.returned, values: values)
                    : EpisodeContribution($0.episodeID, excluded: "not_a_substance_use_program", values: values)
            }
        },
        MetricDefinition("relapse.<INSTRUMENT>.post_discharge_deterioration_rate", .postDischargeDeterioration, .rate,
                         unit: "pairs with a follow-up score", label: "post-discharge deterioration",
                         definition: "A 30- or 90-day follow-up score reliably worse than the final score.") { cohort, code in
            cohort.postDischargeDeterioration.first { $0.instrument == code }.map { deterioration in
                deterioration.episodes.map { item in
                    let values = [ExplainedValue("final_date", item.pair.final.day), ExplainedValue("final_score", item.pair.final.score),
                                  ExplainedValue("follow_ups", item.followUps.map { "\($0.day) \($0.score)" }.joined(separator: ";"))]
                    if item.followUps.isEmpty {
                        return EpisodeContribution(item.pair.episodeID, excluded: "no_follow_up_score", values: values)
                    }
                    guard deterioration.hasThreshold else {
                        return EpisodeContribution(item.pair.episodeID, excluded: "no_threshold", values: values)
                    }
                    return EpisodeContribution(item.pair.episodeID, counts: item.deteriorated, values: values)
                }
            }
        },
    ]

    /// Acute care or readmission in the N days after discharge, over the newest discharge cohort
    /// whose window has elapsed; the discharges of P not yet followed are listed as left out.
    private static func postDischarge(_ id: String, window: Int, label: String, acuteCare: Bool,
                                      definition: String) -> MetricDefinition {
        MetricDefinition(id, .postDischarge, .rate, unit: "discharges of the followed cohort", label: label,
                         definition: definition) { cohort, _ in
            let followed = window == 30 ? cohort.postDischarge30 : cohort.postDischarge90
            let members = followed.episodes.map {
                EpisodeContribution($0.episodeID, counts: acuteCare ? $0.acuteCare != nil : $0.readmission != nil, values: [
                    ExplainedValue("discharge", $0.discharge), ExplainedValue("acute_care", $0.acuteCare?.type.rawValue),
                    ExplainedValue("acute_care_date", $0.acuteCare?.date), ExplainedValue("readmission", $0.readmission),
                ])
            }
            let ids = Set(followed.episodes.map(\.episodeID))
            let pending = cohort.census.episodes.filter { $0.discharged && !ids.contains($0.episodeID) }.map {
                EpisodeContribution($0.episodeID, excluded: "window_not_elapsed", values: [ExplainedValue("discharge", $0.discharge)])
            }
            return members + pending
        }
    }
}
