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

    /// Tallies the cohort's sessions dated in P.
    public init(_ context: CohortContext) {
        let period = context.period
        var typeCounts = [SessionType: (Int, Int)]()
        var modalityCounts = [Modality?: (Int, Int)]()
        for position in context.members {
            let episode = context.dataset.episodes[position]
            guard episode.admissionDate <= period.to, (episode.dischargeDate ?? period.to) >= period.from else { continue }
            var episodeScheduled = 0
            var episodeAttended = 0
            for session in context.dataset.sessions(ofEpisodeAt: position) where period.contains(session.date) {
                let status = session.status
                guard status.isScheduled else { programCancellations += 1; continue }
                let wasAttended = status.isAttended ? 1 : 0
                episodeScheduled += 1
                episodeAttended += wasAttended
                if status == .noShow { noShows += 1 }
                if status == .cancelledPatient { patientCancellations += 1 }
                typeCounts[session.type, default: (0, 0)].0 += 1
                typeCounts[session.type, default: (0, 0)].1 += wasAttended
                modalityCounts[session.modality, default: (0, 0)].0 += 1
                modalityCounts[session.modality, default: (0, 0)].1 += wasAttended
            }
            scheduled += episodeScheduled
            attended += episodeAttended
            if episodeScheduled > 0 { attendedPerEpisode.append(Double(episodeAttended)) }
        }
        byType = SessionType.allCases.map {
            SessionMix(category: $0, scheduled: typeCounts[$0]?.0 ?? 0, attended: typeCounts[$0]?.1 ?? 0)
        }
        let modalities: [Modality?] = Modality.allCases.map { $0 } + [nil]
        byModality = modalities.map {
            SessionMix(category: $0, scheduled: modalityCounts[$0]?.0 ?? 0, attended: modalityCounts[$0]?.1 ?? 0)
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
