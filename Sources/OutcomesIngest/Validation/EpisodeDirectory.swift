import OutcomesCore

/// Looks up episodes that sessions, assessments and goals refer to: in a load, the store's
/// `EpisodeSpanIndex` of every stored episode, those loaded earlier in the same run included.
public protocol EpisodeDirectory: Sendable {
    /// The span of episode `id`; nil when no such episode is known.
    func span(ofEpisode id: String) -> EpisodeSpan?
    /// Every known episode of the patient with pseudonym `patientKey`: episode id -> span.
    func episodes(ofPatient patientKey: String) -> [String: EpisodeSpan]
}

/// The store's compact directory (`LoadRun.episodeSpanIndex`).
extension EpisodeSpanIndex: EpisodeDirectory {}
