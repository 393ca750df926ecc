import OutcomesCore
import Testing
@testable import OutcomesAnalysis

@Suite("Consistency between entry points")
struct ConsistencyTests {
    /// Forty episodes over a year with sessions, PHQ-9/GAD-7 scores, goals and events, from a fixed recipe.
    static let dataset: AnalysisDataset = {
        var episodes: [Episode] = [], sessions: [Session] = [], scores: [Assessment] = [], goals: [Goal] = []
        var events: [ClinicalEvent] = []
        let statuses: [SessionStatus] = [.attended, .late, .noShow, .attended, .cancelledPatient, .excused, .leftEarly]
        let reasons: [DischargeReason] = [.completed, .ama, .stepUp, .lostToContact, .completed]
        for index in 0..<40 {
            let id = "e\(index)"
            let admission = Fixture.day("2025-11-03").adding(days: index * 9)
            let discharge = admission.adding(days: 20 + index % 50)
            let ended = discharge <= Fixture.day("2026-10-31")
            episodes.append(Episode(patientKey: "p\(index % 30)", episodeID: id, program: ["sud", "adult-mh"][index % 2],
                                    site: ["north", "south"][index % 3 == 0 ? 1 : 0], admissionDate: admission,
                                    dischargeDate: ended ? discharge : nil, dischargeReason: ended ? reasons[index % 5] : nil,
                                    ageAtAdmission: index % 7 == 0 ? nil : 15 + index))
            for step in stride(from: 0, through: admission.days(to: discharge), by: 2) {
                sessions.append(Session(episodeID: id, date: admission.adding(days: step), type: .group,
                                        status: statuses[(index + step) % 7], scheduledMinutes: 180))
            }
            for (week, total) in [(0, 12 + index % 10), (3, 8 + index % 9), (6, 5 + index % 12)] {
                scores.append(Assessment(episodeID: id, assessedOn: admission.adding(days: week * 7), instrument: "PHQ-9", score: Score(total)))
                scores.append(Assessment(episodeID: id, assessedOn: admission.adding(days: week * 7), instrument: "GAD-7", score: Score(total % 22)))
            }
            goals.append(Goal(episodeID: id, goalID: "g", domain: "coping", attainedLevel: index % 5 - 2))
            events.append(ClinicalEvent(patientKey: "p\(index % 30)", date: admission.adding(days: 15 + index % 40),
                                        type: EventType.allCases[index % 8]))
        }
        return AnalysisDataset(episodes: episodes, sessions: sessions, assessments: scores, goals: goals, events: events)
    }()

    @Test("trend values equal the full analysis of each month", arguments: ["2026-06", "2026-09", "2026-10"])
    func trendMatchesAnalysis(month: String) throws {
        let period = try #require(Period.month(month))
        let full = Analysis.analyze(Self.dataset, options: AnalysisOptions(period: period), by: [.program])
        let ids = try #require(full.overall).metrics.ids
        let trends = Analysis.trend(Self.dataset, options: AnalysisOptions(period: period), metrics: ids, months: 1, by: [.program])
        for trend in trends {
            let expected = full.cohort(trend.key)?.metrics[trend.metric]
            #expect(trend.points.first?.value == expected, "\(trend.key) \(trend.metric)")
        }
        #expect(trends.count == ids.count * full.cohorts.count)
    }

    @Test("every identifier's explained members add up to its counts, in every cohort, by both reliable-change methods",
          arguments: [ReliableChangeMethod.published, .jacobsonTruax])
    func membersAddUpToCounts(method: ReliableChangeMethod) throws {
        // Given the analysis of October overall and by program, then every metric of every cohort:
        // a rate's numerator and denominator are the sums of its members' parts, a mean's, median's
        // or count's n is the sum of its members' units, and every left-out episode has a reason
        let options = AnalysisOptions(period: Fixture.october, reliableChange: method)
        let result = Analysis.analyze(Self.dataset, options: options, by: [.program])
        var patterns = Set<String>()
        for cohort in result.cohorts {
            for (id, value) in cohort.metrics.entries {
                let members = try #require(MetricRegistry.contributions(id, of: cohort), "\(id)")
                let definition = try #require(MetricRegistry.resolve(id)?.definition)
                patterns.insert(definition.pattern)
                let num = members.reduce(0) { $0 + $1.numerator }
                let den = members.filter(\.isMember).reduce(0) { $0 + $1.denominator }
                switch value {
                case .proportion(_, let expectedNum, let expectedDen):
                    #expect(definition.kind == .rate, "\(id)")
                    #expect(num == expectedNum && den == expectedDen, "\(cohort.key) \(id): \(num)/\(den)")
                case .statistic(_, let n, _, _):
                    #expect(definition.kind != .rate, "\(id)")
                    #expect(den == n && num == 0, "\(cohort.key) \(id): n \(den)")
                }
                #expect(members.allSatisfy { $0.isMember || $0.exclusion != nil && $0.numerator == 0 }, "\(id)")
                #expect(Set(members.map(\.episodeID)).count == members.count, "\(id): an episode listed twice")
            }
        }
        // and the fixture reaches every definition of the registry
        #expect(patterns == Set(MetricRegistry.all.map(\.pattern)))
    }

    @Test("every identifier belongs to a family, and one family alone gives the same values")
    func families() throws {
        let full = try #require(Analysis.analyze(Self.dataset, options: AnalysisOptions(period: Fixture.october)).overall)
        for id in full.metrics.ids {
            #expect(MetricFamily.of(id) != nil, "\(id)")
            #expect(MetricRegistry.definitionText(id) != nil, "\(id)")
        }
        #expect(MetricRegistry.label("outcomes.combined.recovery_rate") == "PHQ-9/GAD-7 combined recovery")
        #expect(MetricRegistry.label("outcomes.PHQ-9.recovery_rate") == "PHQ-9 recovery")
        #expect(MetricRegistry.label("census.discharge_reason.step_up") == "Discharged: step up")
        #expect(MetricRegistry.definitionText(MetricID.attendanceRate)?.hasSuffix(" Denominator: sessions.") == true)
        #expect(MetricRegistry.definitionText(MetricID.serviceHoursMean)?.hasSuffix(" n: episode-weeks.") == true)
        let attendance = Analysis.trend(Self.dataset, options: AnalysisOptions(period: Fixture.october),
                                        metrics: [MetricID.attendanceRate], months: 1)
        #expect(attendance.first?.points.first?.value == full.metrics[MetricID.attendanceRate])
        #expect(MetricFamily.needed(for: ["no.such.metric"]) == Set(MetricFamily.allCases))
    }

    @Test("cohort metrics add up to the overall counts")
    func cohortsPartition() throws {
        let result = Analysis.analyze(Self.dataset, options: AnalysisOptions(period: Fixture.october), by: [.program, .site])
        let overall = try #require(result.overall)
        let parts = result.cohorts.dropFirst()
        for id in [MetricID.admissions, MetricID.discharges, MetricID.activeEnd, MetricID.patientDays] {
            let sum = parts.compactMap { $0.metrics[id]?.value }.reduce(0, +)
            #expect(sum == overall.metrics[id]?.value, "\(id)")
        }
        let scheduled = parts.map { $0.attendance.scheduled }.reduce(0, +)
        #expect(scheduled == overall.attendance.scheduled)
        #expect(overall.attendance.scheduled > 0)
    }
}
