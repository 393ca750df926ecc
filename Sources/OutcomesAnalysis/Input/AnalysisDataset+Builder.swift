import OutcomesCore

extension AnalysisDataset {
    /// Builds a dataset row by row: episodes first, then sessions, assessments, goals and events
    /// in any order. Sessions and assessments go straight into compact columns, so a loader can
    /// stream millions of rows without holding them as values.
    public struct Builder: Sendable {
        struct Parts: Sendable {
            var episodes: [Episode]
            var registry: InstrumentRegistry
            var episodeIndex: [String: Int] = [:]
            var patientIndex: [String: Int32] = [:]
            var patientOfEpisode: [Int32] = []
            var sessions = SessionColumns()
            var sessionOwners: [Int32] = []
            var assessments = AssessmentColumns()
            var assessmentOwners: [Int32] = []
            var goals = GoalColumns()
            var goalOwners: [Int32] = []
            var events: [ClinicalEvent] = []
            var eventOwners: [Int32] = []

            var patientCount: Int { patientIndex.count }
        }

        private var parts: Parts
        private var lastEpisodeID: String?
        private var lastOwner: Int32 = -1
        /// Episode position by the store's episode number (nil when not an episode of the dataset).
        private var positionOfNumber: [Int32?] = []
        /// Staff ids and instrument codes by the store's numbers, and their column indexes once used.
        private var staffNames: [String?] = []
        private var instrumentNames: [String?] = []
        private var staffOfNumber: [Int32?] = []
        private var instrumentOfNumber: [UInt16?] = []

        /// Starts from the episodes; `expectedSessions` reserves column space up front.
        public init(episodes: [Episode], registry: InstrumentRegistry = .builtIn, expectedSessions: Int = 0) {
            parts = Parts(episodes: episodes, registry: registry)
            parts.episodeIndex.reserveCapacity(episodes.count)
            parts.patientIndex.reserveCapacity(episodes.count)
            parts.patientOfEpisode.reserveCapacity(episodes.count)
            for (position, episode) in episodes.enumerated() {
                if parts.episodeIndex[episode.episodeID] == nil { parts.episodeIndex[episode.episodeID] = position }
                let patient = parts.patientIndex[episode.patientKey] ?? Int32(parts.patientIndex.count)
                parts.patientIndex[episode.patientKey] = patient
                parts.patientOfEpisode.append(patient)
            }
            parts.sessions.reserve(expectedSessions)
            parts.sessionOwners.reserveCapacity(expectedSessions)
        }

        /// Adopts the store's numbering for `append(_: SessionFacts)` and `append(_: AssessmentFacts)`:
        /// `numbers[i]` is the store's number of episode `i`, and the dictionaries give staff ids
        /// and instrument codes by their store numbers.
        public mutating func useStoreNumbers(
            episodes numbers: [Int64], staff: [Int64: String], instruments: [Int64: String]
        ) {
            positionOfNumber = Self.dense(Dictionary(uniqueKeysWithValues: numbers.enumerated().map { ($1, Int32($0)) }))
            staffNames = Self.dense(staff)
            instrumentNames = Self.dense(instruments)
            staffOfNumber = Array(repeating: nil, count: staffNames.count)
            instrumentOfNumber = Array(repeating: nil, count: instrumentNames.count)
        }

        /// Puts the sessions `first` read (a builder started from the same episodes and store
        /// numbers, filled on another thread from episodes numbered before this builder's
        /// sessions) ahead of this builder's own, and takes the events it read, keeping this
        /// builder's scores and goals.
        public mutating func takeSessionsAndEvents(readBefore first: consuming Builder) {
            var sessions = SessionColumns()
            var owners: [Int32] = []
            swap(&sessions, &first.parts.sessions)
            swap(&owners, &first.parts.sessionOwners)
            sessions.append(contentsOf: parts.sessions)
            owners += parts.sessionOwners
            parts.sessions = sessions
            parts.sessionOwners = owners
            swap(&parts.events, &first.parts.events)
            swap(&parts.eventOwners, &first.parts.eventOwners)
        }

        /// A lookup table by non-negative number.
        private static func dense<Value>(_ values: [Int64: Value]) -> [Value?] {
            var table = [Value?](repeating: nil, count: Int(values.keys.max().map { $0 + 1 } ?? 0))
            for (number, value) in values where number >= 0 { table[Int(number)] = value }
            return table
        }

        /// Appends a session read as numbers (after `useStoreNumbers`).
        public mutating func append(_ facts: SessionFacts) {
            parts.sessionOwners.append(Self.lookUp(facts.episodeNumber, in: positionOfNumber) ?? -1)
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
            var owner = Self.lookUp(facts.episodeNumber, in: positionOfNumber) ?? -1
            var instrument = Self.lookUp(facts.instrumentNumber, in: instrumentOfNumber)
            if instrument == nil, let code = Self.lookUp(facts.instrumentNumber, in: instrumentNames) {
                instrument = parts.assessments.intern(code)
                instrumentOfNumber[Int(facts.instrumentNumber)] = instrument
            }
            if instrument == nil { owner = -1 }
            parts.assessmentOwners.append(owner)
            parts.assessments.append(facts, instrument: instrument ?? 0)
        }

        /// Appends a goal read by episode number (after `useStoreNumbers`).
        public mutating func append(_ facts: GoalFacts) {
            let owner = Self.lookUp(facts.episodeNumber, in: positionOfNumber) ?? -1
            parts.goalOwners.append(owner)
            parts.goals.append(facts)
        }

        private static func lookUp<Value>(_ number: Int64, in table: [Value?]) -> Value? {
            number >= 0 && number < table.count ? table[Int(number)] : nil
        }

        public mutating func append(_ session: Session) {
            parts.sessionOwners.append(owner(session.episodeID))
            parts.sessions.append(session)
        }

        public mutating func append(_ assessment: Assessment) {
            parts.assessmentOwners.append(owner(assessment.episodeID))
            parts.assessments.append(assessment)
        }

        public mutating func append(_ goal: Goal) {
            parts.goalOwners.append(owner(goal.episodeID))
            parts.goals.append(goal)
        }

        public mutating func append(_ event: ClinicalEvent) {
            parts.eventOwners.append(parts.patientIndex[event.patientKey] ?? -1)
            parts.events.append(event)
        }

        /// The dataset, with its indexes.
        public func build() -> AnalysisDataset { AnalysisDataset(parts: parts) }

        /// The episode position of an identifier (-1 when unknown), reusing the last answer for runs.
        private mutating func owner(_ episodeID: String) -> Int32 {
            if episodeID != lastEpisodeID {
                lastEpisodeID = episodeID
                lastOwner = parts.episodeIndex[episodeID].map { Int32($0) } ?? -1
            }
            return lastOwner
        }
    }
}
