import OutcomesCore

/// Everything one analysis reads: the five canonical tables and the instrument registry, with
/// indexes built once (sessions, assessments and goals by episode; episodes and events by patient).
///
/// Sessions and assessments are held as compact columns (`SessionColumns`, `AssessmentColumns`);
/// build a large dataset row by row with `AnalysisDataset.Builder` so that they never exist as
/// full values all at once. Rows whose episode or patient is unknown are left out of every
/// index and counted in `unmatched`.
public struct AnalysisDataset: Sendable {
    public let episodes: EpisodeTable
    public let sessionColumns: SessionColumns
    public let assessmentColumns: AssessmentColumns
    public let goalColumns: GoalColumns
    let events: EventColumns
    public let registry: InstrumentRegistry
    /// Counts of rows that refer to no episode the dataset holds (or, for events, no patient with
    /// one): for a dataset loaded for some periods, of the rows read for them.
    public let unmatched: UnmatchedRows
    /// Instrument codes that occur in the assessments and are in the registry, alphabetical.
    public let instrumentCodes: [String]

    /// The registry's instruments of `instrumentCodes`, in the same order: one outcome each.
    public var instruments: [Instrument] { instrumentCodes.compactMap { registry[$0] } }

    let patientOfEpisode: [Int32]
    /// Each episode's rows of `sessionColumns`, which holds them together and in date order.
    let sessionsByEpisode: [Range<Int32>]
    /// Each episode's rows of `assessmentColumns`, which holds them together: the reported
    /// totals by instrument number, then the unreported ones, each group in date order.
    let assessmentsByEpisode: [Range<Int32>]
    let goalsByEpisode: GroupIndex
    let episodesByPatient: GroupIndex
    let eventsByPatient: GroupIndex

    /// A dataset from whole tables (convenient for tests and small programs).
    public init(
        episodes: [Episode], sessions: [Session] = [], assessments: [Assessment] = [],
        goals: [Goal] = [], events: [ClinicalEvent] = [], registry: InstrumentRegistry = .builtIn
    ) {
        var builder = Builder(episodes: episodes, registry: registry)
        for session in sessions { builder.append(session) }
        for assessment in assessments { builder.append(assessment) }
        for goal in goals { builder.append(goal) }
        for event in events { builder.append(event) }
        self = builder.build()
    }

    /// The sessions (after those another builder read, `Builder.take(unplaced:)`) and the scores
    /// are grouped by episode at once, one on each core: this last step of loading ran on one core
    /// while the other waited (about 0.15 s of `report monthly`'s 1.5 s at 200,000 episodes).
    init(parts: consuming Builder.Parts) {
        parts.episodes.dropPatientIndex()
        let ownerCount = parts.episodes.count
        let emptyParts = Builder.Parts(episodes: EpisodeTable(), registry: parts.registry)
        // Each box holds the only reference to its columns, which its job then changes in place.
        let sessions = Handed(SessionParts(earlier: parts.earlierSessions, later: parts.sessions,
                                           laterOwners: parts.sessionOwners))
        (parts.earlierSessions, parts.sessions) = (nil, SessionColumns())
        let scores = Handed(parts)
        let groupedSessions = Handed([Range<Int32>]())
        let groupedScores = Handed([Range<Int32>]())
        _ = ParallelJobs.run([
            { groupedSessions.value = sessions.value.joinAndGroup(ownerCount: ownerCount) },
            {
                scores.value.putScoresOnReportingScales()
                let owners = scores.value.assessmentOwners
                groupedScores.value = scores.value.assessments.group(by: owners, ownerCount: ownerCount)
            },
        ] as [@Sendable () -> Void])
        let joined = sessions.take(leaving: SessionParts())
        var parts = scores.take(leaving: emptyParts)
        parts.sessionOwners = joined.laterOwners
        episodes = parts.episodes
        sessionColumns = joined.later
        sessionsByEpisode = groupedSessions.value
        assessmentColumns = parts.assessments
        assessmentsByEpisode = groupedScores.value
        goalColumns = parts.goals
        events = parts.events
        registry = parts.registry
        patientOfEpisode = parts.patientOfEpisode
        let episodeCount = parts.episodes.count
        goalsByEpisode = GroupIndex(ownerOf: parts.goalOwners, ownerCount: episodeCount) { _ in 0 }
        let patientCount = parts.episodes.patientCount
        episodesByPatient = GroupIndex(ownerOf: parts.patientOfEpisode, ownerCount: patientCount) {
            parts.episodes.admissionDate(at: $0).ordinal
        }
        let events = parts.events
        eventsByPatient = GroupIndex(ownerOf: parts.eventOwners, ownerCount: patientCount) { events.date($0).ordinal }
        unmatched = UnmatchedRows(
            sessions: parts.sessionOwners.unownedCount,
            assessments: parts.assessmentOwners.unownedCount,
            goals: parts.goalOwners.lazy.filter { $0 < 0 }.count,
            events: parts.eventOwners.lazy.filter { $0 < 0 }.count)
        instrumentCodes = parts.assessments.instrumentCodes.filter { parts.registry[$0] != nil }.sorted()
    }

    /// Row numbers in `sessionColumns` of an episode's sessions, in date order.
    public func sessionRows(ofEpisodeAt position: Int) -> Range<Int> {
        let range = sessionsByEpisode[position]
        return Int(range.lowerBound)..<Int(range.upperBound)
    }

    /// Row numbers in `sessionColumns` of an episode's sessions dated in `period`: the part of
    /// `sessionRows(ofEpisodeAt:)` between two dates, found by halving (its rows are in date
    /// order), so that a month's figures do not walk the sessions of its episodes' other months.
    public func sessionRows(ofEpisodeAt position: Int, datedIn period: Period) -> Range<Int> {
        let rows = sessionRows(ofEpisodeAt: position)
        let start = firstRow(of: rows) { sessionColumns.date($0) >= period.from }
        return start..<firstRow(of: start..<rows.upperBound) { sessionColumns.date($0) > period.to }
    }

    /// The first row of `rows` for which `isPast` holds (`rows.upperBound` when none does), given
    /// that it holds for every row after one for which it does.
    private func firstRow(of rows: Range<Int>, where isPast: (Int) -> Bool) -> Int {
        var (low, high) = (rows.lowerBound, rows.upperBound)
        while low < high {
            let middle = low + (high - low) / 2
            if isPast(middle) { high = middle } else { low = middle + 1 }
        }
        return low
    }

    /// An episode's sessions in date order, rebuilt from the columns.
    public func sessions(ofEpisodeAt position: Int) -> LazyMapSequence<Range<Int>, Session> {
        let id = episodes.episodeID(at: position)
        return sessionRows(ofEpisodeAt: position).lazy.map { [sessionColumns] in sessionColumns.session($0, episodeID: id) }
    }

    /// Row numbers in `assessmentColumns` of an episode's assessments: the reported totals by
    /// instrument number, then the unreported ones, each group in date order.
    public func assessmentRows(ofEpisodeAt position: Int) -> Range<Int> {
        let range = assessmentsByEpisode[position]
        return Int(range.lowerBound)..<Int(range.upperBound)
    }

    /// An episode's goals in input order.
    public func goals(ofEpisodeAt position: Int) -> LazyMapSequence<ArraySlice<Int32>, GoalRating> {
        goalsByEpisode.rows(of: position).lazy.map { [goalColumns] in goalColumns.rating(Int($0)) }
    }

    /// Row numbers in `goalColumns` of an episode's goals, in input order.
    func goalRows(ofEpisodeAt position: Int) -> ArraySlice<Int32> { goalsByEpisode.rows(of: position) }

    /// How many clinical events the dataset holds (those of no known patient included).
    public var eventCount: Int { events.count }

    /// The first clinical event of the episode's patient (in date order) of a type and on a day
    /// `isWanted` accepts; the patient's key is spelled only for the event found.
    func firstPatientEvent(ofEpisodeAt position: Int, where isWanted: (EventType, Day) -> Bool) -> ClinicalEvent? {
        let patient = patientOfEpisode[position]
        let found = eventsByPatient.rows(of: Int(patient)).first { row in
            isWanted(events.type(Int(row)), events.date(Int(row)))
        }
        return found.map { events.event(Int($0), patientKey: episodes.patientKey(ofPatient: patient)) }
    }

    /// The days of the clinical events of the episode's patient of a type `isWanted` accepts, in
    /// date order.
    func patientEventDays(ofEpisodeAt position: Int, where isWanted: (EventType) -> Bool) -> [Day] {
        eventsByPatient.rows(of: Int(patientOfEpisode[position])).compactMap { row in
            isWanted(events.type(Int(row))) ? events.date(Int(row)) : nil
        }
    }

    /// The first admission day in `window` among the episodes of the episode's patient (itself
    /// included); nil when none. (A lazy sequence of the admission days captured a copy of the
    /// episode table: its every array retained and released, two closures allocated, a third of
    /// post-discharge deterioration's instructions.)
    func firstPatientAdmission(ofEpisodeAt position: Int, in window: ClosedRange<Day>) -> Day? {
        var first: Day?
        for row in episodesByPatient.rows(of: Int(patientOfEpisode[position])) {
            let admission = episodes.admissionDate(at: Int(row))
            if window.contains(admission), first.map({ admission < $0 }) ?? true { first = admission }
        }
        return first
    }

    /// The patient key (pseudonym) of each episode in `ids` the dataset holds, by episode id.
    public func patientKeys(ofEpisodes ids: Set<String>) -> [String: String] {
        var keys: [String: String] = [:]
        for position in episodes.indices where ids.contains(episodes.episodeID(at: position)) {
            keys[episodes.episodeID(at: position)] = episodes.patientKey(ofPatient: patientOfEpisode[position])
        }
        return keys
    }
}

/// Rows left out of the analysis because their owner is unknown (counted, never silent).
public struct UnmatchedRows: Hashable, Sendable {
    public var sessions: Int
    public var assessments: Int
    public var goals: Int
    public var events: Int
}
