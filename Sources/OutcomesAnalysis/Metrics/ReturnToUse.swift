import OutcomesCore

/// Return to use, over discharges in P from substance-use programs: a `substance_use` or
/// `positive_tox` event in the episode after 14 or more use-free days in the episode.
public struct ReturnToUse: Sendable {
    public var discharges = 0
    public var returnedEpisodeIDs: [String] = []
    /// Each discharge in P: whether its program is a substance-use program, its use days in the
    /// episode and whether one followed 14 use-free days, in cohort order; empty unless the options
    /// keep episode facts.
    public var episodes: [EpisodeFacts] = []

    /// One discharge in P: its program, whether that is a substance-use program, its use days and whether one counted.
    public struct EpisodeFacts: Hashable, Sendable {
        public var episodeID: String
        public var program: String
        public var inScope: Bool
        public var useDays: [Day]
        public var returned: Bool
    }

    /// Use-free days in the episode needed before a use event counts.
    public static let useFreeDays = 14

    public init(_ context: CohortContext) {
        let keepsFacts = context.options.keepsEpisodeFacts
        let dataset = context.dataset  // read once for every member
        for position in context.discharged(in: context.period) {
            let episode = dataset.episodes.row(position)
            guard let discharge = episode.dischargeDate else { continue }
            guard context.options.substanceUsePrograms.contains(episode.program) else {
                if keepsFacts {
                    episodes.append(EpisodeFacts(episodeID: episode.episodeID, program: episode.program,
                                                 inScope: false, useDays: [], returned: false))
                }
                continue
            }
            discharges += 1
            let stay = episode.admissionDate...discharge
            let useDays = dataset.patientEventDays(ofEpisodeAt: position) { $0.isUse }.filter(stay.contains).sorted()
            let returned = ReturnToUse.returned(admission: episode.admissionDate, useDays: useDays)
            if keepsFacts {
                episodes.append(EpisodeFacts(episodeID: episode.episodeID, program: episode.program, inScope: true,
                                             useDays: useDays, returned: returned))
            }
            if returned { returnedEpisodeIDs.append(episode.episodeID) }
        }
    }

    /// True when a use day follows at least 14 use-free days: counted from admission (admission
    /// day included) before the first use, or strictly between two use days.
    public static func returned(admission: Day, useDays: [Day]) -> Bool {
        var previous: Day?
        for day in useDays.sorted() {
            let free = previous.map { $0.days(to: day) - 1 } ?? admission.days(to: day)
            if free >= useFreeDays { return true }
            previous = day
        }
        return false
    }

    public func write(to metrics: inout MetricSet) {
        metrics.set(MetricID.returnToUseRate, .rate(returnedEpisodeIDs.count, discharges))
    }
}
