#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import OutcomesCore

/// Plans an episode's symptom scales: PHQ-9 and GAD-7 at intake, weekly on an attended day
/// and at discharge; PCL-5 every other week on the trauma track; AUDIT and DAST-10 at intake
/// and discharge on substance-use tracks; follow-ups 30 and 90 days after some discharges.
struct AssessmentPlanner {
    let course: EpisodeCourse
    let endDate: Day
    /// Primary diagnosis, to tell alcohol from other substances.
    let primaryDx: String

    func assessments(episodeID: String, sessions: [Session], random: inout SampleRandom) -> [Assessment] {
        let phqBaseline = clamp(random.normal(mean: 15, sd: 4), 3, 27)
        let gadBaseline = clamp(random.normal(mean: 12, sd: 3.5) + (phqBaseline - 15) * 0.4, 2, 21)
        let gadChange = course.plannedChange * 0.75 + random.normal(mean: 0, sd: 1.5)
        let pclBaseline = clamp(random.normal(mean: 45, sd: 10), 12, 80)
        let pclChange = course.plannedChange * 2.3 + random.normal(mean: 0, sd: 4)
        var curves = [
            Curve(instrument: BuiltInInstruments.phq9, baseline: phqBaseline, change: course.plannedChange, noise: 1.6),
            Curve(instrument: BuiltInInstruments.gad7, baseline: gadBaseline, change: gadChange, noise: 1.3),
        ]
        if course.track.isTrauma {
            curves.append(Curve(instrument: BuiltInInstruments.pcl5, baseline: pclBaseline, change: pclChange,
                                noise: 4, everyOtherWeek: true))
        }
        var result: [Assessment] = []
        let dates = measurementDays(sessions: sessions, random: &random)
        for curve in curves {
            for (day, timepoint) in dates where !(curve.everyOtherWeek && timepoint == .weekly
                                                   && course.admission.days(to: day) / 7 % 2 == 1) {
                let score = curve.value(on: day, course: course, random: &random)
                result.append(make(curve.instrument, episodeID: episodeID, day: day, timepoint: timepoint,
                                   target: score, random: &random))
            }
        }
        if course.track.isSubstanceUse { result += substanceScreens(episodeID: episodeID, dates: dates, random: &random) }
        return result
    }

    /// Intake, weekly and discharge days, then follow-ups that fall on or before the end date.
    private func measurementDays(sessions: [Session], random: inout SampleRandom) -> [(Day, Timepoint)] {
        var days: [(Day, Timepoint)] = [(course.admission, .intake)]
        var lastWeek = 0
        for session in sessions where session.status.isAttended {
            let week = course.admission.days(to: session.date) / 7
            guard week > lastWeek else { continue }
            lastWeek = week
            if random.chance(0.88) && session.date != course.discharge { days.append((session.date, .weekly)) }
        }
        guard let discharge = course.discharge, random.chance(dischargeScoreShare) else { return days }
        days.append((discharge, .discharge))
        guard course.reason == .completed || course.reason == .stepDown else { return days }
        if random.chance(0.45) { days.append((discharge.adding(days: random.int(26...36)), .followup30)) }
        if random.chance(0.30) { days.append((discharge.adding(days: random.int(80...100)), .followup90)) }
        return days.filter { $0.0 <= endDate }
    }

    private var dischargeScoreShare: Double {
        switch course.reason {
        case .completed, .stepDown, .transferred, .administrative: return 0.92
        case .ama: return 0.35
        case .stepUp: return 0.5
        case .lostToContact: return 0.0
        case .other: return 0.5
        }
    }

    /// AUDIT and DAST-10 at intake and at discharge.
    private func substanceScreens(episodeID: String, dates: [(Day, Timepoint)],
                                  random: inout SampleRandom) -> [Assessment] {
        let alcohol = primaryDx.hasPrefix("F10")
        let audit = clamp(random.normal(mean: alcohol ? 24 : 9, sd: alcohol ? 6 : 5), 0, 40)
        let dast = clamp(random.normal(mean: alcohol ? 2 : 6.5, sd: alcohol ? 1.5 : 1.8), 0, 10)
        let drop = course.reason == .completed ? 0.55 : 0.85
        var result: [Assessment] = []
        for (day, timepoint) in dates where timepoint == .intake || timepoint == .discharge {
            let factor = timepoint == .intake ? 1 : drop
            result.append(make(BuiltInInstruments.audit, episodeID: episodeID, day: day, timepoint: timepoint,
                               target: Int((audit * factor).rounded()), random: &random))
            result.append(make(BuiltInInstruments.dast10, episodeID: episodeID, day: day, timepoint: timepoint,
                               target: Int((dast * factor).rounded()), random: &random))
        }
        return result
    }

    /// One administration: items and their total for most, a total only for a few, and a
    /// few PHQ-9 and GAD-7 forms with blank items (scored by prorating).
    private func make(_ instrument: Instrument, episodeID: String, day: Day, timepoint: Timepoint,
                      target: Int, random: inout SampleRandom) -> Assessment {
        var items = ItemResponses.responses(for: instrument, target: target, random: &random)
        if random.chance(0.04) {
            let total = ItemResponses.total(of: instrument, items: items) ?? Score(target)
            return Assessment(episodeID: episodeID, assessedOn: day, instrument: instrument.code,
                              score: total, scoring: .totalOnly, timepoint: timepoint)
        }
        if case .prorate(let maxMissing) = instrument.missingItemRule, random.chance(0.03) {
            for _ in 0..<random.int(1...maxMissing) { items[random.int(0...(items.count - 1))] = nil }
        }
        let total = ItemResponses.total(of: instrument, items: items) ?? Score(target)
        let method: ScoringMethod = items.contains { $0 == nil } ? .prorated : .complete
        return Assessment(episodeID: episodeID, assessedOn: day, instrument: instrument.code, items: items,
                          score: total, scoring: method, timepoint: timepoint)
    }
}

/// A symptom trajectory: from a baseline toward baseline + change over the planned course.
struct Curve {
    let instrument: Instrument
    let baseline: Double
    let change: Double
    let noise: Double
    var everyOtherWeek = false

    /// The score on `day`: most of the change comes early, with measurement noise; after
    /// discharge it drifts back a little.
    func value(on day: Day, course: EpisodeCourse, random: inout SampleRandom) -> Int {
        let elapsed = Double(course.admission.days(to: day))
        let fraction = min(1, elapsed / Double(course.plannedWeeks * 7))
        let shape = (1 - exp(-2.5 * fraction)) / (1 - exp(-2.5))
        var mean = elapsed == 0 ? baseline : baseline + change * shape
        if let discharge = course.discharge, day > discharge { mean += random.normal(mean: 1, sd: 2.5) }
        let highest = instrument.totalRange.upperBound.doubleValue
        return Int(clamp(mean + random.normal(mean: 0, sd: noise), 0, highest).rounded())
    }
}

/// `value` limited to `low...high`.
func clamp(_ value: Double, _ low: Double, _ high: Double) -> Double { min(high, max(low, value)) }
