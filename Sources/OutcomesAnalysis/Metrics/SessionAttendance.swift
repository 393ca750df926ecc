import OutcomesCore

/// Attendance over the sessions dated in P: rates, the session mix, sessions per episode.
public struct SessionAttendance: Sendable {
    /// Every status except `cancelled_program`.
    public var scheduled = 0
    /// `attended`, `late` and `left_early`.
    public var attended = 0
    public var noShows = 0
    public var patientCancellations = 0
    /// `cancelled_program`: outside every denominator, shown for completeness.
    public var programCancellations = 0
    /// Scheduled and attended sessions by type, every type listed.
    public var byType: [SessionMix<SessionType>] = []
    /// Scheduled and attended sessions by modality (nil = not recorded).
    public var byModality: [SessionMix<Modality?>] = []
    /// Attended sessions in P of each episode with at least one scheduled session in P.
    public var attendedPerEpisode: [Double] = []
    /// Scheduled, attended and no-show sessions by clinician (`staff_id`).
    public var byStaff: [StaffSessions] = []
    /// Session counts in P of each cohort episode open during P, in cohort order; empty unless the
    /// options keep episode facts.
    public var episodes: [EpisodeSessions] = []

    /// Tallies the cohort's sessions dated in P.
    public init(_ context: CohortContext) {
        let period = context.period
        var typeCounts = Array(repeating: (0, 0), count: SessionType.allCases.count)
        var modalityCounts = Array(repeating: (0, 0), count: Modality.allCases.count + 1)
        let episodes = context.dataset.episodes
        let sessions = context.dataset.sessionColumns
        let keepsFacts = context.options.keepsEpisodeFacts
        // Tallies by staff number + 1 (0: no staff recorded), named once at the end.
        var staff = [StaffSessions](repeating: StaffSessions(staff: nil), count: sessions.staffCount + 1)
        for position in context.members {
            guard episodes.admissionDate(at: position) <= period.to,
                  (episodes.dischargeDate(at: position) ?? period.to) >= period.from else { continue }
            var counts = EpisodeSessions(episodeID: episodes.episodeID(at: position))
            for row in context.dataset.sessionRows(ofEpisodeAt: position, datedIn: period) {
                let session = sessions.tallied(row)
                let status = session.status
                guard status.isScheduled else { counts.programCancellations += 1; continue }
                let wasAttended = status.isAttended ? 1 : 0
                counts.scheduled += 1
                counts.attended += wasAttended
                if status == .noShow { counts.noShows += 1 }
                if status == .cancelledPatient { counts.patientCancellations += 1 }
                let tally = session.staffNumber + 1
                staff[tally].scheduled += 1
                staff[tally].attended += wasAttended
                staff[tally].noShows += status == .noShow ? 1 : 0
                let (type, modality) = (session.typeSlot, session.modalitySlot)
                typeCounts[type].0 += 1
                typeCounts[type].1 += wasAttended
                modalityCounts[modality].0 += 1
                modalityCounts[modality].1 += wasAttended
            }
            if keepsFacts { self.episodes.append(counts) }
            scheduled += counts.scheduled
            attended += counts.attended
            noShows += counts.noShows
            patientCancellations += counts.patientCancellations
            programCancellations += counts.programCancellations
            if counts.scheduled > 0 { attendedPerEpisode.append(Double(counts.attended)) }
        }
        for number in 0..<sessions.staffCount { staff[number + 1].staff = sessions.staffName(number) }
        byStaff = StaffSessions.sorted(staff.filter { $0.scheduled > 0 })
        byType = SessionType.allCases.map {
            SessionMix(category: $0, scheduled: typeCounts[CaseSlot.of($0)].0, attended: typeCounts[CaseSlot.of($0)].1)
        }
        let modalities: [Modality?] = Modality.allCases.map { $0 } + [nil]
        byModality = modalities.map {
            SessionMix(category: $0, scheduled: modalityCounts[CaseSlot.of($0)].0, attended: modalityCounts[CaseSlot.of($0)].1)
        }
    }

    /// Writes the attendance, no-show and patient-cancel rates and sessions per episode.
    public func write(to metrics: inout MetricSet) {
        metrics.set(MetricID.attendanceRate, .rate(attended, scheduled))
        metrics.set(MetricID.noShowRate, .rate(noShows, scheduled))
        metrics.set(MetricID.patientCancelRate, .rate(patientCancellations, scheduled))
        metrics.set(MetricID.sessionsAttendedMean,
                    .statistic(value: Descriptive.mean(attendedPerEpisode), n: attendedPerEpisode.count))
    }
}

/// Scheduled and attended session counts of one category (a type or a modality).
public struct SessionMix<Category: Hashable & Sendable>: Hashable, Sendable {
    public var category: Category
    public var scheduled: Int
    public var attended: Int
}

/// One episode's sessions dated in P, by how they ended.
public struct EpisodeSessions: Hashable, Sendable {
    public var episodeID: String
    /// Every status except `cancelled_program`.
    public var scheduled = 0
    /// `attended`, `late` and `left_early`.
    public var attended = 0
    public var noShows = 0
    public var patientCancellations = 0
    public var programCancellations = 0
}
