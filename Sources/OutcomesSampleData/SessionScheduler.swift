import OutcomesCore

/// Schedules an episode's sessions week by week and decides what happened to each one.
///
/// IOP: three group days a week plus a weekly individual slot (individual, psychiatry every
/// fourth week, family every other week for adolescents) and psychoeducation in some weeks;
/// PHP: five group days. Group runs 180 minutes for adults (9+ hours a week), 120 for
/// adolescents (6+ hours), 300 in PHP. Missed sessions cluster before a dropout; programs
/// close on federal holidays.
struct SessionScheduler {
    let course: EpisodeCourse
    let levelOfCare: LevelOfCare
    let site: String
    let endDate: Day

    /// An engagement initiative started this many days before the end date: attendance
    /// rises by 4 points from then on (a shift for the QI charts to find).
    static let initiativeDays = 150

    /// One site attends less well than the others (an outlier for funnel plots).
    private var siteEffect: Double { site == "lakeview" ? -0.05 : 0 }

    /// The episode's sessions in date order; ids are numbered from `firstNumber`.
    func sessions(episodeID: String, firstNumber: Int, random: inout SampleRandom) -> [Session] {
        let groupDays = levelOfCare == .php ? [0, 1, 2, 3, 4] : random.pick(Self.groupPatterns)
        let individualDay = random.pick(groupDays)
        let freeDays = (0..<5).filter { !groupDays.contains($0) }
        let educationDay = freeDays.isEmpty ? random.pick(groupDays) : random.pick(freeDays)
        let therapist = staff(random.int(10...17))
        let psychiatrist = staff(random.int(20...22))
        var result: [Session] = []
        result.reserveCapacity(course.plannedWeeks * 7)
        var educationThisWeek = false
        var day = course.admission
        while day <= course.lastDay {
            let offset = course.admission.days(to: day)
            let week = offset / 7
            if offset % 7 == 0 { educationThisWeek = random.chance(0.4) }
            if day.isWeekday {
                var types: [(SessionType, String)] = []
                if groupDays.contains(day.weekday) { types.append((.group, staff(day.weekday + 1))) }
                if day.weekday == individualDay { types.append((individualSlot(week: week), therapist)) }
                if educationThisWeek && day.weekday == educationDay && week > 0 {
                    types.append((.psychoeducation, staff(random.int(6...8))))
                }
                if week % 4 == 0 && day.weekday == individualDay {
                    types.append((.psychiatry, psychiatrist))
                }
                let telehealth = random.chance(course.telehealthShare)
                for (type, staffID) in types {
                    let minutes = scheduledMinutes(type)
                    let status = status(on: day, random: &random)
                    result.append(Session(
                        sessionID: "S" + pad(firstNumber + result.count, 8), episodeID: episodeID, date: day,
                        type: type, modality: telehealth ? .telehealth : .inPerson, status: status,
                        scheduledMinutes: minutes,
                        attendedMinutes: attendedMinutes(status, scheduled: minutes, random: &random),
                        staffID: staffID))
                }
            }
            day = day.adding(days: 1)
        }
        return result
    }

    /// Weekday sets (Monday = 0) for three group days.
    static let groupPatterns: [[Int]] = [[0, 2, 4], [0, 1, 3], [1, 2, 3], [0, 2, 3], [1, 3, 4], [0, 1, 2]]

    private func individualSlot(week: Int) -> SessionType {
        if course.track.isAdolescent && week % 2 == 1 { return .family }
        if course.track.code == "eating-disorders" && week % 4 == 2 { return .family }
        if course.track.code == "dual-diagnosis" && week % 6 == 3 { return .family }
        return .individual
    }

    private func scheduledMinutes(_ type: SessionType) -> Int {
        let adolescent = course.track.isAdolescent
        switch type {
        case .group: return levelOfCare == .php ? (adolescent ? 240 : 300) : (adolescent ? 120 : 180)
        case .individual: return 50
        case .family: return 60
        case .psychiatry: return 30
        case .psychoeducation: return adolescent ? 60 : 90
        case .other: return 60
        }
    }

    private func staff(_ number: Int) -> String {
        String(site.prefix(1)).uppercased() + pad(number, 2)
    }

    /// Status of a session on `day`: the attendance probability falls in the weeks before a dropout.
    private func status(on day: Day, random: inout SampleRandom) -> SessionStatus {
        if Holidays.isHoliday(day) || random.chance(0.015) { return .cancelledProgram }
        if random.chance(0.02) { return .excused }
        var attend = course.attendance + siteEffect
        if day.days(to: endDate) < Self.initiativeDays { attend += 0.04 }
        if course.disengagementDays > 0, let discharge = course.discharge {
            let daysLeft = day.days(to: discharge)
            if daysLeft < course.disengagementDays {
                let share = Double(daysLeft) / Double(course.disengagementDays)
                attend *= course.reason == .lostToContact ? max(0, share - 0.5) : 0.15 + 0.5 * share
            }
        }
        if random.chance(attend) {
            let roll = random.unit()
            return roll < 0.05 ? .late : roll < 0.08 ? .leftEarly : .attended
        }
        return random.chance(0.6) ? .noShow : .cancelledPatient
    }

    private func attendedMinutes(_ status: SessionStatus, scheduled: Int, random: inout SampleRandom) -> Int? {
        switch status {
        case .attended: return scheduled
        case .late: return scheduled - min(scheduled / 2, 5 * random.int(2...9))
        case .leftEarly: return max(15, scheduled - 10 * random.int(2...9))
        default: return nil
        }
    }
}
