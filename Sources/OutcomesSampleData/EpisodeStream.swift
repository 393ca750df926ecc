import OutcomesCore

/// Generates a program's episodes one at a time, in admission order, keeping only a
/// bounded queue of patients due for readmission between episodes.
struct EpisodeStream {
    let program: SampleProgram
    private var index = 0
    private var newPatients = 0
    private var sessionNumber = 1
    private var queue = ReadmissionQueue()

    init(program: SampleProgram) { self.program = program }

    /// Days before the end date over which admissions are spread: the program's years and 8
    /// weeks, so that some episodes admitted before the first 12-month window run into it.
    var admissionSpanDays: Int { program.years * 365 + 56 }

    /// The next episode, or nil after the last.
    mutating func next() -> GeneratedEpisode? {
        guard index < program.episodes else { return nil }
        defer { index += 1 }
        let endDate = program.endDate
        var random = SampleRandom(seed: program.seed, stream: UInt64(index))
        let admission = admissionDay(random: &random)
        var track = random.weighted(Track.all.map { ($0, $0.weight) })
        let patient: Patient
        if let due = queue.popDue(on: admission) {
            patient = due.patient
            track = readmissionTrack(previous: due.track, drawn: track, age: patient.age(on: admission), random: &random)
        } else {
            patient = Patient.make(number: newPatients, track: track, admission: admission, random: &random)
            newPatients += 1
        }
        let site = random.pick(track.sites)
        let level: LevelOfCare = random.chance(track.phpShare) ? .php : .iop
        let dx = random.weighted(track.diagnoses)
        let course = CoursePlanner.plan(track: track, patient: patient, admission: admission, endDate: endDate,
                                        random: &random)
        let episodeID = "E" + pad(index + 1, 6)
        let sessions = SessionScheduler(course: course, levelOfCare: level, site: site, endDate: endDate)
            .sessions(episodeID: episodeID, firstNumber: sessionNumber, random: &random)
        sessionNumber += sessions.count
        let assessments = AssessmentPlanner(course: course, endDate: endDate, primaryDx: dx)
            .assessments(episodeID: episodeID, sessions: sessions, random: &random)
        let goals = GoalPlanner.goals(episodeID: episodeID, course: course, random: &random)
        let readmission = scheduleReadmission(course: course, random: &random)
        let events = EventPlanner(course: course, endDate: endDate, readmission: readmission).events(random: &random)
        let episode = Episode(
            patientKey: patient.mrn, episodeID: episodeID, program: track.code, site: site, levelOfCare: level,
            admissionDate: admission, dischargeDate: course.discharge,
            dischargeReason: course.discharge == nil ? nil : course.reason,
            ageAtAdmission: patient.age(on: admission), sex: patient.sex, race: patient.race,
            ethnicity: patient.ethnicity, payer: patient.payer,
            referralSource: Patient.referralSource(adolescent: track.isAdolescent, random: &random),
            primaryDx: dx, plannedWeeks: course.plannedWeeks)
        return GeneratedEpisode(episode: episode, sessions: sessions, assessments: assessments, goals: goals,
                                events: events)
    }

    /// Admissions spread evenly over the span, on weekdays, never after the end date.
    private func admissionDay(random: inout SampleRandom) -> Day {
        let span = Double(admissionSpanDays + 1)
        let offset = Int((Double(index) + random.unit()) * span / Double(program.episodes))
        var day = program.endDate.adding(days: offset - admissionSpanDays)
        while !day.isWeekday { day = day.adding(days: 1) }
        while day > program.endDate || !day.isWeekday { day = day.adding(days: -1) }
        return day
    }

    /// A readmitted patient mostly returns to the same track; adolescents who turned 18 go to adult-mh.
    private func readmissionTrack(previous: Track, drawn: Track, age: Int, random: inout SampleRandom) -> Track {
        let fits = { (track: Track) in track.isAdolescent == (age < 18) }
        if fits(previous) && (random.chance(0.7) || !fits(drawn)) { return previous }
        if fits(drawn) { return drawn }
        return Track.all.first { $0.code == "adult-mh" } ?? drawn
    }

    /// Queues some discharged patients for readmission (dropouts and step-ups more often);
    /// returns the earliest day of that readmission.
    private mutating func scheduleReadmission(course: EpisodeCourse, random: inout SampleRandom) -> Day? {
        guard let discharge = course.discharge else { return nil }
        let chance: Double
        switch course.reason {
        case .ama, .lostToContact: chance = 0.16
        case .stepUp: chance = 0.20
        case .transferred: chance = 0
        default: chance = 0.06
        }
        guard random.chance(chance) else { return nil }
        let gap = random.chance(0.5) ? random.int(7...30) : random.int(31...150)
        let day = discharge.adding(days: gap)
        guard day <= program.endDate else { return nil }
        queue.push(day: day, patient: course.patient, track: course.track)
        return day
    }
}
