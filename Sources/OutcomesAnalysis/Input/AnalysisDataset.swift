import OutcomesCore

/// Everything one analysis reads: the five canonical tables and the instrument registry, with
/// indexes built once (sessions, assessments and goals by episode; episodes and events by patient).
///
/// Rows whose episode or patient is unknown are left out of every index and counted in `unmatched`.
public struct AnalysisDataset: Sendable {
    public let episodes: [Episode]
    public let sessions: [Session]
    public let assessments: [Assessment]
    public let goals: [Goal]
    public let events: [ClinicalEvent]
    public let registry: InstrumentRegistry
    /// Counts of rows that refer to no known episode (or, for events, no patient with an episode).
    public let unmatched: UnmatchedRows
    /// Instrument codes that occur in the assessments and are in the registry, alphabetical.
    public let instrumentCodes: [String]

    let episodeIndex: [String: Int]
    let patientOfEpisode: [Int32]
    let sessionsByEpisode: GroupIndex
    let assessmentsByEpisode: GroupIndex
    let goalsByEpisode: GroupIndex
    let episodesByPatient: GroupIndex
    let eventsByPatient: GroupIndex

    public init(
        episodes: [Episode], sessions: [Session] = [], assessments: [Assessment] = [],
        goals: [Goal] = [], events: [ClinicalEvent] = [], registry: InstrumentRegistry = .builtIn
    ) {
        self.episodes = episodes
        self.sessions = sessions
        self.assessments = assessments
        self.goals = goals
        self.events = events
        self.registry = registry

        var episodeIndex = [String: Int](minimumCapacity: episodes.count)
        var patientIndex = [String: Int32]()
        var patientOfEpisode = [Int32](repeating: -1, count: episodes.count)
        for (position, episode) in episodes.enumerated() {
            if episodeIndex[episode.episodeID] == nil { episodeIndex[episode.episodeID] = position }
            let next = Int32(patientIndex.count)
            let patient = patientIndex[episode.patientKey] ?? next
            patientIndex[episode.patientKey] = patient
            patientOfEpisode[position] = patient
        }
        let owners = Owners(episodeIndex: episodeIndex)
        let sessionOwners = owners.map(sessions) { $0.episodeID }
        let assessmentOwners = owners.map(assessments) { $0.episodeID }
        let goalOwners = owners.map(goals) { $0.episodeID }
        let eventOwners = events.map { patientIndex[$0.patientKey] ?? -1 }

        self.episodeIndex = episodeIndex
        self.patientOfEpisode = patientOfEpisode
        sessionsByEpisode = GroupIndex(ownerOf: sessionOwners, ownerCount: episodes.count) { sessions[$0].date.ordinal }
        assessmentsByEpisode = GroupIndex(ownerOf: assessmentOwners, ownerCount: episodes.count) {
            assessments[$0].assessedOn.ordinal
        }
        goalsByEpisode = GroupIndex(ownerOf: goalOwners, ownerCount: episodes.count) { _ in 0 }
        episodesByPatient = GroupIndex(ownerOf: patientOfEpisode, ownerCount: patientIndex.count) {
            episodes[$0].admissionDate.ordinal
        }
        eventsByPatient = GroupIndex(ownerOf: eventOwners, ownerCount: patientIndex.count) { events[$0].date.ordinal }
        unmatched = UnmatchedRows(
            sessions: sessionOwners.lazy.filter { $0 < 0 }.count,
            assessments: assessmentOwners.lazy.filter { $0 < 0 }.count,
            goals: goalOwners.lazy.filter { $0 < 0 }.count,
            events: eventOwners.lazy.filter { $0 < 0 }.count)
        instrumentCodes = Set(assessments.map(\.instrument)).filter { registry[$0] != nil }.sorted()
    }

    /// The position of an episode in `episodes`, by its identifier.
    public func episodePosition(id: String) -> Int? { episodeIndex[id] }

    /// An episode's sessions in date order.
    public func sessions(ofEpisodeAt position: Int) -> LazyMapSequence<ArraySlice<Int32>, Session> {
        sessionsByEpisode.rows(of: position).lazy.map { sessions[Int($0)] }
    }

    /// Row numbers in `sessions` of an episode's sessions, in date order. Hot loops read fields
    /// as `sessions[row].status` so that no row (and none of its strings) is copied.
    public func sessionRows(ofEpisodeAt position: Int) -> ArraySlice<Int32> {
        sessionsByEpisode.rows(of: position)
    }

    /// Row numbers in `assessments` of an episode's assessments, in date order.
    public func assessmentRows(ofEpisodeAt position: Int) -> ArraySlice<Int32> {
        assessmentsByEpisode.rows(of: position)
    }

    /// An episode's assessments (all instruments) in date order.
    public func assessments(ofEpisodeAt position: Int) -> LazyMapSequence<ArraySlice<Int32>, Assessment> {
        assessmentsByEpisode.rows(of: position).lazy.map { assessments[Int($0)] }
    }

    /// An episode's goals in input order.
    public func goals(ofEpisodeAt position: Int) -> LazyMapSequence<ArraySlice<Int32>, Goal> {
        goalsByEpisode.rows(of: position).lazy.map { goals[Int($0)] }
    }

    /// The clinical events of the episode's patient, in date order.
    public func patientEvents(ofEpisodeAt position: Int) -> LazyMapSequence<ArraySlice<Int32>, ClinicalEvent> {
        eventsByPatient.rows(of: Int(patientOfEpisode[position])).lazy.map { events[Int($0)] }
    }

    /// All episodes of the episode's patient (itself included), in admission order.
    public func patientEpisodes(ofEpisodeAt position: Int) -> LazyMapSequence<ArraySlice<Int32>, Episode> {
        episodesByPatient.rows(of: Int(patientOfEpisode[position])).lazy.map { episodes[Int($0)] }
    }
}

/// Rows left out of the analysis because their owner is unknown (counted, never silent).
public struct UnmatchedRows: Hashable, Sendable {
    public var sessions: Int
    public var assessments: Int
    public var goals: Int
    public var events: Int
}

/// Maps episode identifiers to positions, reusing the last answer for runs of the same identifier.
private struct Owners {
    let episodeIndex: [String: Int]

    func map<Row>(_ rows: [Row], id: (Row) -> String) -> [Int32] {
        var result = [Int32]()
        result.reserveCapacity(rows.count)
        var lastID: String?
        var lastOwner: Int32 = -1
        for row in rows {
            let id = id(row)
            if id != lastID {
                lastID = id
                lastOwner = episodeIndex[id].map { Int32($0) } ?? -1
            }
            result.append(lastOwner)
        }
        return result
    }
}
