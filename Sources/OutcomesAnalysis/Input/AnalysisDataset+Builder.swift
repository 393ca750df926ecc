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
            var goals: [Goal] = []
            var goalOwners: [Int32] = []
            var events: [ClinicalEvent] = []
            var eventOwners: [Int32] = []

            var patientCount: Int { patientIndex.count }
        }

        private var parts: Parts
        private var lastEpisodeID: String?
        private var lastOwner: Int32 = -1

        /// Starts from the episodes; `expectedSessions` reserves column space up front.
        public init(episodes: [Episode], registry: InstrumentRegistry = .builtIn, expectedSessions: Int = 0) {
            parts = Parts(episodes: episodes, registry: registry)
            parts.episodeIndex.reserveCapacity(episodes.count)
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
