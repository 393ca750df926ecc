import OutcomesAnalysis
import OutcomesCore
import OutcomesTestSupport
@testable import OutcomesReports

/// A program like the sample program, generated from a seed: uneven tracks, sites and groups
/// (so that many counts are 1 to 10), two years of admissions ending October 2026, sessions,
/// PHQ-9, GAD-7 and PCL-5 scores and scaled goals; analysed as the report command does.
struct ExternalReportFixture {
    static let end = Day(iso: "2026-10-31") ?? Day(ordinal: 0)
    static let october = Period(from: Day(iso: "2026-10-01") ?? Day(ordinal: 0), to: end)

    let dataset: AnalysisDataset

    /// `episodes` episodes drawn with `seed`.
    init(episodes count: Int, seed: UInt64) {
        var random = SplitMix64(seed: seed)
        func pick<T>(_ choices: [(T, Double)]) -> T {
            var draw = Double.random(in: 0..<choices.reduce(0) { $0 + $1.1 }, using: &random)
            for (choice, weight) in choices {
                if draw < weight { return choice }
                draw -= weight
            }
            return choices[choices.count - 1].0
        }
        let first = Day(iso: "2024-09-01") ?? Day(ordinal: 0)
        let span = Self.end.ordinal - first.ordinal
        var episodes: [Episode] = []
        var sessions: [Session] = []
        var assessments: [Assessment] = []
        var goals: [Goal] = []
        for number in 0..<count {
            let id = "E\(number)"
            let program = pick([("adult-mh", 0.5), ("sud", 0.25), ("adolescent", 0.15), ("trauma", 0.1)])
            let admission = Day(ordinal: first.ordinal + Int.random(in: 0..<span, using: &random))
            let stay = Int.random(in: 14...84, using: &random)
            let discharge = admission.ordinal + stay <= Self.end.ordinal ? Day(ordinal: admission.ordinal + stay) : nil
            let reason: DischargeReason? = discharge == nil ? nil
                : pick([(.completed, 0.62), (.ama, 0.12), (.stepUp, 0.06), (.stepDown, 0.08), (.transferred, 0.04),
                        (.administrative, 0.05), (.lostToContact, 0.02), (.other, 0.01)])
            episodes.append(Episode(
                patientKey: "patient\(number)", episodeID: id, program: program,
                site: pick([("north", 0.6), ("south", 0.3), ("east", 0.1)]), admissionDate: admission,
                dischargeDate: discharge, dischargeReason: reason,
                ageAtAdmission: program == "adolescent" ? Int.random(in: 13...17, using: &random) : Int.random(in: 18...70, using: &random),
                sex: pick([("female", 0.55), ("male", 0.43), ("other", 0.02)]),
                race: pick([("white", 0.6), ("black", 0.2), ("asian", 0.08), ("american_indian", 0.03), ("other", 0.09)]),
                ethnicity: pick([("not_hispanic", 0.82), ("hispanic", 0.18)]),
                payer: pick([("commercial", 0.55), ("medicaid", 0.3), ("medicare", 0.1), ("self_pay", 0.05)])))
            let last = discharge ?? Self.end
            var day = admission.ordinal
            while day <= last.ordinal {
                sessions.append(Session(
                    episodeID: id, date: Day(ordinal: day),
                    type: pick([(.group, 0.6), (.individual, 0.25), (.family, 0.1), (.psychiatry, 0.05)]),
                    status: pick([(.attended, 0.82), (.noShow, 0.12), (.cancelledPatient, 0.06)]), scheduledMinutes: 180))
                day += Int.random(in: 2...4, using: &random)
            }
            var instruments = [("PHQ-9", 27), ("GAD-7", 21)]
            if program == "trauma" { instruments.append(("PCL-5", 80)) }
            for (code, top) in instruments {
                let baseline = Int.random(in: top / 3...top, using: &random)
                assessments.append(Assessment(episodeID: id, assessedOn: admission, instrument: code, score: Score(baseline)))
                if let discharge, stay >= 10, Double.random(in: 0..<1, using: &random) < 0.85 {
                    let final = max(0, min(top, baseline - Int.random(in: -4...(top / 2), using: &random)))
                    assessments.append(Assessment(episodeID: id, assessedOn: Day(ordinal: discharge.ordinal - 2), instrument: code,
                                                  score: Score(final)))
                }
            }
            for goal in 0..<2 {
                let rated = discharge != nil && Double.random(in: 0..<1, using: &random) < 0.85
                goals.append(Goal(episodeID: id, goalID: "\(id)-\(goal)",
                                  domain: pick([("symptoms", 0.5), ("relationships", 0.25), ("work", 0.15), ("substance_use", 0.1)]),
                                  attainedLevel: rated ? Int.random(in: -2...2, using: &random) : nil, ratedOn: rated ? discharge : nil))
            }
        }
        dataset = AnalysisDataset(episodes: episodes, sessions: sessions, assessments: assessments, goals: goals)
    }

    /// The inputs of `definition` for October 2026, analysed as `ReportInputsLoader` does.
    func inputs(_ definition: ReportDefinition) -> ReportInputs {
        Self.inputs(definition, dataset)
    }

    /// The inputs of `definition` over `dataset` for October 2026.
    static func inputs(_ definition: ReportDefinition, _ dataset: AnalysisDataset) -> ReportInputs {
        let plan = ReportPlan(definition, month: october)
        let options = AnalysisOptions(period: plan.period)
        let (current, byDimension) = Analysis.analyze(dataset, options: options, byEach: plan.dimensions,
                                                      families: plan.dimensionFamilies)
        let previous = Analysis.analyze(dataset, options: options.with(period: plan.previousPeriod)).overall
        let trends = Analysis.trend(dataset, options: options.with(period: plan.lastMonth), metrics: plan.trendMetrics,
                                    months: plan.trendMonths)
        return ReportInputs(programName: "Fixture IOP", period: plan.period, current: current, byDimension: byDimension,
                            previous: previous.map { PreviousPeriod(period: plan.previousPeriod, metrics: $0.metrics) },
                            trends: trends, registry: .builtIn, patientKeys: [:],
                            provenance: ProvenanceSummary(loads: [], softwareVersion: "0", command: "test", parameters: []),
                            generatedOn: end)
    }
}
