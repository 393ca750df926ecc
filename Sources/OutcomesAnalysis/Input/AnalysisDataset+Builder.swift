import OutcomesCore

extension AnalysisDataset {
    /// Builds a dataset row by row: episodes first, then sessions, assessments, goals and events
    /// in any order. Sessions and assessments go straight into compact columns, so a loader can
    /// stream millions of rows without holding them as values.
    public struct Builder: Sendable {
        struct Parts: Sendable {
            var episodes: EpisodeTable
            var registry: InstrumentRegistry
            var patientOfEpisode: [Int32] = []
            var sessions = SessionColumns()
            var sessionOwners = OwnerRuns()
            var assessments = AssessmentColumns()
            var assessmentOwners = OwnerRuns()
            var goals = GoalColumns()
            var goalOwners: [Int32] = []
            var events = EventColumns()
            var eventOwners: [Int32] = []
            /// Sessions another builder read, with their owners placed, that go before `sessions`
            /// (`take(unplaced:)`); joined to them in `build()`, while the scores are grouped.
            var earlierSessions: (columns: SessionColumns, owners: OwnerRuns)?

            /// Puts the totals read so far on their instruments' reporting scales (`build()` puts
            /// the rest; `AssessmentColumns.putOnReportingScales`).
            mutating func putScoresOnReportingScales() {
                let scales = assessments.instrumentCodes.map { registry[$0].map(ReportingScale.init) }
                assessments.putOnReportingScales(scales)
            }
        }

        private var parts: Parts
        /// Episode positions by identifier (the first of a repeated one), made on first use.
        private var episodeIndex: [String: Int]?
        private var lastEpisodeID: String?
        private var lastOwner: Int32 = -1
        /// Episode position by the store's episode number.
        private var positionOfNumber = StoreNumberPositions()
        /// Staff ids by the store's numbers, and their column indexes once used; the column index
        /// of each instrument by the store's number.
        private var staffNames: [String?] = []
        private var staffOfNumber: [Int32?] = []
        private var instrumentOfNumber: [UInt16?] = []
        /// Whether rows' owners are the store's episode numbers, to be placed by `take(unplaced:)`.
        private var ownersAreStoreNumbers = false

        /// Starts from the episodes.
        public init(episodes: [Episode], registry: InstrumentRegistry = .builtIn) {
            self.init(episodeCapacity: episodes.count, registry: registry)
            for episode in episodes { append(episode) }
        }

        /// Starts with no episode and room for `episodeCapacity`: append every episode
        /// (`append(_: Episode)`) before any other row.
        public init(episodeCapacity: Int, registry: InstrumentRegistry = .builtIn) {
            parts = Parts(episodes: EpisodeTable(capacity: episodeCapacity), registry: registry)
            parts.patientOfEpisode.reserveCapacity(episodeCapacity)
        }

        /// Appends an episode; its patient is numbered by key (`PatientKeys`).
        public mutating func append(_ episode: Episode) {
            parts.patientOfEpisode.append(parts.episodes.append(episode))
        }

        /// Appends the episode of a stored row (`StoredEpisodeRow`: its texts numbered from their
        /// bytes, as `append(_: Episode)` numbers them from `String`s).
        public mutating func append(_ row: StoredEpisodeRow) {
            parts.patientOfEpisode.append(parts.episodes.append(row))
        }

        /// Frees the index of patient keys once every episode and event is in (an event appended
        /// after this finds no patient and counts as unmatched); `build()` frees it too.
        public mutating func closePatients() {
            parts.episodes.dropPatientIndex()
        }

        /// A builder for rows read while the episodes are still being read (on another thread):
        /// their owners stay the store's episode numbers until `take(unplaced:)` places them. Staff
        /// and instruments are numbered through the store's dictionaries, as after `useStoreNumbers`.
        public init(unplacedRowsWith registry: InstrumentRegistry, staff: [Int64: String],
                    instruments: [Int64: String]) {
            parts = Parts(episodes: EpisodeTable(), registry: registry)
            ownersAreStoreNumbers = true
            useDictionaries(staff: staff, instruments: instruments)
        }

        /// Adopts the store's numbering for `append(_: SessionFacts)` and `append(_: AssessmentFacts)`:
        /// `numbers[i]` is the store's number of episode `i`, and the dictionaries give staff ids
        /// and instrument codes by their store numbers.
        public mutating func useStoreNumbers(
            episodes numbers: [Int64], staff: [Int64: String], instruments: [Int64: String]
        ) {
            positionOfNumber = StoreNumberPositions(numbers)
            useDictionaries(staff: staff, instruments: instruments)
        }

        /// Every instrument of the store's dictionary is one of the dataset's (`instrumentCodes`,
        /// the instruments whose outcomes are computed), whether or not a score of it is read: so
        /// the metrics an analysis gives do not depend on how far back its read reaches, nor on
        /// how a trend's months are cut into reads (`TrendRuns`).
        private mutating func useDictionaries(staff: [Int64: String], instruments: [Int64: String]) {
            staffNames = Self.dense(staff)
            staffOfNumber = Array(repeating: nil, count: staffNames.count)
            instrumentOfNumber = Self.dense(instruments).map { code in code.map { parts.assessments.intern($0) } }
        }

        /// Places the rows `other` read before the episodes were (`init(unplacedRowsWith:...)`),
        /// after `useStoreNumbers`: its sessions, which `build()` puts before this builder's own,
        /// and its assessments and goals, of which this builder must have read none. A row whose
        /// episode number is not one of this builder's episodes counts as unmatched.
        public mutating func take(unplaced other: consuming Builder) {
            precondition(parts.assessments.count == 0 && parts.goals.count == 0 && parts.earlierSessions == nil,
                         "a builder takes the rows of one other builder only")
            let positions = positionOfNumber
            let place = { (number: Int32) -> Int32 in number < 0 ? -1 : positions.position(of: Int64(number)) }
            var sessionOwners = other.parts.sessionOwners
            sessionOwners.replaceOwners(place)
            parts.earlierSessions = (other.parts.sessions, sessionOwners)
            other.parts.sessions = SessionColumns()
            swap(&parts.assessments, &other.parts.assessments)
            swap(&parts.assessmentOwners, &other.parts.assessmentOwners)
            parts.assessmentOwners.replaceOwners(place)
            swap(&parts.goals, &other.parts.goals)
            parts.goalOwners = other.parts.goalOwners.map(place)
        }

        /// Puts the totals read so far on their instruments' reporting scales, on the thread that
        /// read them, instead of in `build()` after both loading threads have joined (at 200,000
        /// episodes, 0.12 s of one core there).
        public mutating func putScoresOnReportingScales() { parts.putScoresOnReportingScales() }

        /// A lookup table by non-negative number.
        private static func dense<Value>(_ values: [Int64: Value]) -> [Value?] {
            var table = [Value?](repeating: nil, count: Int(values.keys.max().map { $0 + 1 } ?? 0))
            for (number, value) in values where number >= 0 { table[Int(number)] = value }
            return table
        }

        /// Appends a session read as numbers (after `useStoreNumbers`).
        public mutating func append(_ facts: SessionFacts) {
            parts.sessionOwners.append(owner: owner(ofNumber: facts.episodeNumber))
            let staff = facts.staffNumber.map { number -> Int32 in
                if let index = Self.lookUp(number, in: staffOfNumber) { return index }
                guard let name = Self.lookUp(number, in: staffNames) else { return -1 }
                let index = parts.sessions.intern(name)
                staffOfNumber[Int(number)] = index
                return index
            }
            parts.sessions.append(facts, staff: staff ?? -1)
        }

        /// Appends an assessment total read as numbers (after `useStoreNumbers`). One whose
        /// instrument number is not in the dictionary counts as unmatched.
        public mutating func append(_ facts: AssessmentFacts) {
            var episodeOwner = owner(ofNumber: facts.episodeNumber)
            let instrument = Self.lookUp(facts.instrumentNumber, in: instrumentOfNumber)
            if instrument == nil { episodeOwner = -1 }
            parts.assessmentOwners.append(owner: episodeOwner)
            parts.assessments.append(facts, instrument: instrument ?? 0)
        }

        /// Appends a goal read by episode number (after `useStoreNumbers`).
        public mutating func append(_ facts: GoalFacts) {
            parts.goalOwners.append(owner(ofNumber: facts.episodeNumber))
            parts.goals.append(facts)
        }

        /// The owner of a row of the store's episode `number`: its position (-1 when not an episode of
        /// the dataset), or the number itself while owners are unplaced (-1 beyond `Int32`).
        private func owner(ofNumber number: Int64) -> Int32 {
            ownersAreStoreNumbers ? Int32(exactly: number) ?? -1 : positionOfNumber.position(of: number)
        }

        private static func lookUp<Value>(_ number: Int64, in table: [Value?]) -> Value? {
            number >= 0 && number < table.count ? table[Int(number)] : nil
        }

        public mutating func append(_ session: Session) {
            parts.sessionOwners.append(owner: owner(session.episodeID))
            parts.sessions.append(session)
        }

        public mutating func append(_ assessment: Assessment) {
            parts.assessmentOwners.append(owner: owner(assessment.episodeID))
            parts.assessments.append(assessment)
        }

        public mutating func append(_ goal: Goal) {
            parts.goalOwners.append(owner(goal.episodeID))
            parts.goals.append(goal)
        }

        /// Appends an event, found by its patient (whose key the episodes keep: the event keeps none).
        public mutating func append(_ event: ClinicalEvent) {
            parts.eventOwners.append(parts.episodes.patientNumber(ifKnown: event.patientKey) ?? -1)
            parts.events.append(event)
        }

        /// The dataset, with its indexes. The builder hands its rows over, so that grouping them
        /// sorts in place rather than copying the tables (call it as the builder's last use).
        public consuming func build() -> AnalysisDataset {
            var handed = Parts(episodes: EpisodeTable(), registry: parts.registry)
            swap(&handed, &parts)
            return AnalysisDataset(parts: consume handed)
        }

        /// The episode position of an identifier (-1 when unknown), reusing the last answer for
        /// runs. The index is made on first use: rows read by the store's episode numbers never need
        /// it, and making it hashed every episode id.
        private mutating func owner(_ episodeID: String) -> Int32 {
            if episodeID != lastEpisodeID {
                if episodeIndex == nil { episodeIndex = parts.episodes.positionsByEpisodeID() }
                lastEpisodeID = episodeID
                lastOwner = episodeIndex?[episodeID].map { Int32($0) } ?? -1
            }
            return lastOwner
        }
    }
}
