import OutcomesCore

/// Looks up episodes that sessions, assessments and goals refer to. The store implements it
/// over the database plus the episodes loaded earlier in the same run.
public protocol EpisodeDirectory {
    /// The span of episode `id`; nil when no such episode is known.
    func span(ofEpisode id: String) -> EpisodeSpan?
    /// Every known episode of the patient with pseudonym `patientKey`: episode id -> span.
    func episodes(ofPatient patientKey: String) -> [String: EpisodeSpan]
}

/// An `EpisodeDirectory` held in memory (tests, dry runs, small tools).
public struct EpisodeSpans: EpisodeDirectory, Sendable {
    public var spans: [String: EpisodeSpan]
    /// Patient pseudonym -> (episode id -> span).
    public var byPatient: [String: [String: EpisodeSpan]]

    public init(_ spans: [String: EpisodeSpan] = [:], byPatient: [String: [String: EpisodeSpan]] = [:]) {
        self.spans = spans
        self.byPatient = byPatient
    }

    public func span(ofEpisode id: String) -> EpisodeSpan? { spans[id] }

    public func episodes(ofPatient patientKey: String) -> [String: EpisodeSpan] { byPatient[patientKey] ?? [:] }

    /// Records an episode's span (replacing an earlier one with the same id).
    public mutating func add(_ episode: Episode) {
        let span = EpisodeSpan(admission: episode.admissionDate, discharge: episode.dischargeDate)
        spans[episode.episodeID] = span
        byPatient[episode.patientKey, default: [:]][episode.episodeID] = span
    }
}

/// The store's compact directory (`LoadRun.episodeSpanIndex`), for large loads.
extension EpisodeSpanIndex: EpisodeDirectory {}
