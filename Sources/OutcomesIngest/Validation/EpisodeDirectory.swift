import OutcomesCore

/// The dates that bound an episode, as the validator needs them for `outside_episode`.
public struct EpisodeSpan: Hashable, Sendable {
    public var admission: Day
    /// nil while the episode is active.
    public var discharge: Day?

    public init(admission: Day, discharge: Day?) {
        self.admission = admission
        self.discharge = discharge
    }

    /// True when `day` falls from admission to discharge, both included (admission - 0 days
    /// to discharge + 0 days; an active episode has no upper bound).
    public func contains(_ day: Day) -> Bool {
        day >= admission && (discharge.map { day <= $0 } ?? true)
    }
}

/// Looks up episodes that sessions, assessments and goals refer to. The store implements it
/// over the database plus the episodes loaded earlier in the same run.
public protocol EpisodeDirectory {
    /// The span of episode `id`; nil when no such episode is known.
    func span(ofEpisode id: String) -> EpisodeSpan?
}

/// An `EpisodeDirectory` held in memory (tests, dry runs, small tools).
public struct EpisodeSpans: EpisodeDirectory, Sendable {
    public var spans: [String: EpisodeSpan]

    public init(_ spans: [String: EpisodeSpan] = [:]) { self.spans = spans }

    public func span(ofEpisode id: String) -> EpisodeSpan? { spans[id] }

    /// Records an episode's span (replacing an earlier one with the same id).
    public mutating func add(_ episode: Episode) {
        spans[episode.episodeID] = EpisodeSpan(admission: episode.admissionDate, discharge: episode.dischargeDate)
    }
}
