import OutcomesCore
import OutcomesIngest

/// An `EpisodeDirectory` in Dictionaries, filled in any order: the tests' fixtures (a load uses
/// the store's `EpisodeSpanIndex`).
struct EpisodeSpans: EpisodeDirectory, Sendable {
    var spans: [String: EpisodeSpan]
    /// Patient pseudonym -> (episode id -> span).
    var byPatient: [String: [String: EpisodeSpan]]

    init(_ spans: [String: EpisodeSpan] = [:], byPatient: [String: [String: EpisodeSpan]] = [:]) {
        self.spans = spans
        self.byPatient = byPatient
    }

    func span(ofEpisode id: String) -> EpisodeSpan? { spans[id] }

    func episodes(ofPatient patientKey: String) -> [String: EpisodeSpan] { byPatient[patientKey] ?? [:] }

    /// Records an episode's span (replacing an earlier one with the same id).
    mutating func add(_ episode: Episode) {
        let span = EpisodeSpan(admission: episode.admissionDate, discharge: episode.dischargeDate)
        spans[episode.episodeID] = span
        byPatient[episode.patientKey, default: [:]][episode.episodeID] = span
    }
}
