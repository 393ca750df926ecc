import OutcomesCore
@testable import OutcomesAnalysis

/// Small hand-built datasets: terse builders for episodes, sessions, scores, goals and events.
enum Fixture {
    static let october = Period.month("2026-10")!

    static func day(_ text: String) -> Day { Day(iso: text)! }

    static func episode(
        _ id: String, patient: String? = nil, program: String = "adult-mh", site: String? = nil,
        admitted: String, discharged: String? = nil, reason: DischargeReason? = nil, age: Int? = 30,
        race: String? = nil, sex: String? = nil
    ) -> Episode {
        Episode(patientKey: patient ?? "p-\(id)", episodeID: id, program: program, site: site,
                admissionDate: day(admitted), dischargeDate: discharged.map(day),
                dischargeReason: reason ?? (discharged == nil ? nil : .completed), ageAtAdmission: age,
                sex: sex, race: race)
    }

    static func session(_ episode: String, _ date: String, _ status: SessionStatus, minutes: Int = 180,
                        attended: Int? = nil, type: SessionType = .group, modality: Modality? = .inPerson) -> Session {
        Session(episodeID: episode, date: day(date), type: type, modality: modality, status: status,
                scheduledMinutes: minutes, attendedMinutes: attended)
    }

    static func score(_ episode: String, _ date: String, _ total: Int, _ timepoint: Timepoint? = nil) -> Assessment {
        score(episode, date, "PHQ-9", total, timepoint)
    }

    static func score(_ episode: String, _ date: String, _ instrument: String, _ total: Int,
                      _ timepoint: Timepoint? = nil) -> Assessment {
        Assessment(episodeID: episode, assessedOn: day(date), instrument: instrument, score: Score(total), timepoint: timepoint)
    }

    static func event(_ patient: String, _ date: String, _ type: EventType) -> ClinicalEvent {
        ClinicalEvent(patientKey: patient, date: day(date), type: type)
    }

    /// The whole dataset as one cohort for `period`.
    static func context(_ dataset: AnalysisDataset, _ period: Period = october,
                        method: ReliableChangeMethod = .published) -> CohortContext {
        CohortContext(dataset: dataset, options: AnalysisOptions(period: period, reliableChange: method))
    }

    /// A PHQ-9 (or other) outcome over episodes each with a baseline on admission and a final 28 days later.
    static func outcome(_ instrument: String = "PHQ-9", pairs: [(Int, Int)], method: ReliableChangeMethod = .published)
        -> SymptomOutcome {
        var episodes: [Episode] = []
        var scores: [Assessment] = []
        for (index, pair) in pairs.enumerated() {
            let id = "e\(index)"
            episodes.append(episode(id, admitted: "2026-09-20", discharged: "2026-10-18"))
            scores.append(score(id, "2026-09-20", instrument, pair.0))
            scores.append(score(id, "2026-10-18", instrument, pair.1))
        }
        let dataset = AnalysisDataset(episodes: episodes, assessments: scores)
        let context = context(dataset, method: method)
        return SymptomOutcome(instrument: dataset.registry[instrument]!,
                              series: ScoreSeries(context, dischargedIn: october), method: method)
    }
}
