import OutcomesCore

/// Plans an episode's clinical course: level of care, planned length, how it ends and when,
/// how well the patient attends, and how much their symptoms change.
enum CoursePlanner {
    /// Discharge reasons with their shares among all episodes (about 60% completed).
    static let reasons: [(DischargeReason, Double)] = [
        (.completed, 0.60), (.ama, 0.15), (.lostToContact, 0.10), (.stepUp, 0.08), (.stepDown, 0.03),
        (.administrative, 0.02), (.transferred, 0.015), (.other, 0.005),
    ]

    static func plan(track: Track, patient: Patient, admission: Day, endDate: Day,
                     random: inout SampleRandom) -> EpisodeCourse {
        let plannedWeeks = random.int(6...12)
        let reason = random.weighted(reasons)
        let stay = lengthOfStay(reason: reason, plannedDays: plannedWeeks * 7, random: &random)
        var discharge: Day? = admission.adding(days: stay)
        while let day = discharge, !day.isWeekday { discharge = day.adding(days: -1) }
        if let day = discharge, day <= admission { discharge = admission.adding(days: 1) }
        if let day = discharge, day > endDate { discharge = nil }

        let attendanceMean: Double
        var disengagement = 0
        switch reason {
        case .completed, .stepDown: attendanceMean = 0.86
        case .ama: attendanceMean = 0.76; disengagement = random.int(7...14)
        case .lostToContact: attendanceMean = 0.74; disengagement = random.int(10...21)
        case .stepUp: attendanceMean = 0.78; disengagement = random.int(0...7)
        default: attendanceMean = 0.82
        }
        let attendance = min(0.99, max(0.45, random.normal(mean: attendanceMean, sd: 0.08)))
        let telehealth = random.chance(0.15) ? 0.8 : 0.13
        return EpisodeCourse(
            track: track, patient: patient, admission: admission, plannedWeeks: plannedWeeks, reason: reason,
            discharge: discharge, lastDay: discharge ?? endDate, attendance: attendance,
            disengagementDays: disengagement, telehealthShare: telehealth,
            plannedChange: symptomChange(reason: reason, random: &random))
    }

    /// Days from admission to discharge for an episode that ends for `reason`.
    private static func lengthOfStay(reason: DischargeReason, plannedDays: Int, random: inout SampleRandom) -> Int {
        switch reason {
        case .completed:
            return plannedDays - 3 + random.int(0...6)
        case .stepDown:
            return plannedDays * random.int(50...80) / 100
        case .ama, .lostToContact:
            return random.chance(0.3) ? random.int(3...14) : random.int(15...max(16, plannedDays - 5))
        case .stepUp:
            return random.int(7...min(40, plannedDays))
        case .administrative, .transferred, .other:
            return random.int(14...plannedDays)
        }
    }

    /// Planned PHQ-9 change over a full course: completers improve about 6 points, dropouts
    /// less, and a minority (more among dropouts and step-ups) deteriorates.
    private static func symptomChange(reason: DischargeReason, random: inout SampleRandom) -> Double {
        let deteriorates: Double
        let mean: Double
        switch reason {
        case .completed, .stepDown: deteriorates = 0.06; mean = -7.5
        case .ama, .lostToContact: deteriorates = 0.16; mean = -3
        case .stepUp: deteriorates = 0.35; mean = 0
        default: deteriorates = 0.10; mean = -4
        }
        if random.chance(deteriorates) { return Double(random.int(8...11)) }
        return random.normal(mean: mean, sd: 4)
    }
}
