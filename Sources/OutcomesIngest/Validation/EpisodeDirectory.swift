import OutcomesCore

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
