import OutcomesCore

/// Plans a patient's clinical events around one episode: PHP or inpatient admission at a
/// step-up, return to use on substance-use tracks, occasional self-harm, and acute care in the
/// 90 days after discharge (more after a dropout). Every event is dated on or before the end date.
struct EventPlanner {
    let course: EpisodeCourse
    let endDate: Day
    /// Post-discharge events stop before this day (the patient's readmission), when set.
    let readmission: Day?

    func events(random: inout SampleRandom) -> [ClinicalEvent] {
        var result: [ClinicalEvent] = []
        let mrn = course.patient.mrn
        func add(_ day: Day, _ type: EventType, _ source: String) {
            guard day <= endDate, !result.contains(where: { $0.date == day && $0.type == type }) else { return }
            result.append(ClinicalEvent(patientKey: mrn, date: day, type: type, source: source))
        }
        let stay = course.admission.days(to: course.lastDay)
        if course.reason == .stepUp, let discharge = course.discharge {
            add(discharge, random.chance(0.7) ? .phpAdmission : .psychInpatient, "ehr")
        }
        if course.track.isSubstanceUse {
            if random.chance(0.2) { add(course.admission.adding(days: random.int(1...10)), .positiveTox, "lab") }
            if stay >= 16 && random.chance(course.isDropout ? 0.5 : 0.22) {
                let day = course.admission.adding(days: random.int(15...stay))
                if random.chance(0.6) { add(day, .substanceUse, "self-report") } else { add(day, .positiveTox, "lab") }
            }
        }
        if random.chance(0.015) { add(course.admission.adding(days: random.int(0...stay)), .selfHarm, "ehr") }
        if random.chance(0.03) { add(course.admission.adding(days: random.int(0...stay)), .crisisContact, "crisis line") }
        guard let discharge = course.discharge else { return result }
        let (edVisit, crisis, inpatient) = acuteCareRisk
        for (type, risk, source) in [(EventType.edVisit, edVisit, "hie"), (.crisisContact, crisis, "crisis line"),
                                     (.psychInpatient, inpatient, "claims, inpatient")] where random.chance(risk) {
            let day = discharge.adding(days: random.int(1...90))
            if let readmission, day >= readmission { continue }
            add(day, type, source)
        }
        return result.sorted { ($0.date, $0.type.rawValue) < ($1.date, $1.type.rawValue) }
    }

    /// Chances of an ED visit, a crisis contact and a psychiatric admission within 90 days of discharge.
    private var acuteCareRisk: (Double, Double, Double) {
        switch course.reason {
        case .ama, .lostToContact: return (0.25, 0.15, 0.08)
        case .stepUp: return (0.15, 0.10, 0.10)
        default: return (0.08, 0.05, 0.02)
        }
    }
}
