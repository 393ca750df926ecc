import OutcomesCore

/// One score on the reporting scale (raw total x the instrument's reporting factor), exact.
public struct ScorePoint: Hashable, Sendable {
    public var day: Day
    public var score: Score
    public var timepoint: Timepoint?

    public init(day: Day, score: Score, timepoint: Timepoint? = nil) {
        self.day = day
        self.score = score
        self.timepoint = timepoint
    }
}

/// The scores of each discharged episode of a cohort, by instrument: read once per cohort and
/// shared by fidelity, symptom outcomes, the combined outcome and relapse.
public struct ScoreSeries: Sendable {
    /// One discharged episode (the facts of it the outcome metrics read) and its scores, by
    /// instrument code, each list in date order.
    public struct EpisodeScores: Sendable {
        public var position: Int
        public var episodeID: String
        public var admission: Day
        public var discharge: Day?
        public var byInstrument: [String: [ScorePoint]]
    }

    public var episodes: [EpisodeScores]

    /// Reads the scores of the cohort's episodes discharged in `period`.
    public init(_ context: CohortContext, dischargedIn period: Period) {
        episodes = context.discharged(in: period).map { ScoreSeries.read(context.dataset, position: $0) }
    }

    /// Reads one episode's scores; instruments missing from the registry are left out, and so
    /// is a total the instrument's current definition cannot hold (`ReportingScale`), so that
    /// every score put on the reporting scale is one the instrument check bounded.
    static func read(_ dataset: AnalysisDataset, position: Int) -> EpisodeScores {
        let columns = dataset.assessmentColumns
        var byNumber: [[ScorePoint]] = []
        for row in dataset.assessmentRows(ofEpisodeAt: position).lazy.map({ Int($0) }) {
            let number = columns.instrumentNumber(row)
            guard let score = dataset.reportingScales[number]?.reported(stored: columns.score(row)) else { continue }
            if byNumber.count <= number { byNumber += Array(repeating: [], count: number + 1 - byNumber.count) }
            byNumber[number].append(ScorePoint(day: columns.date(row), score: score, timepoint: columns.timepoint(row)))
        }
        var byInstrument = [String: [ScorePoint]](minimumCapacity: byNumber.count)
        for (number, points) in byNumber.enumerated() where !points.isEmpty {
            byInstrument[columns.instrumentCodes[number]] = points
        }
        return EpisodeScores(position: position, episodeID: dataset.episodes[position].episodeID,
                             admission: dataset.episodes[position].admissionDate,
                             discharge: dataset.episodes[position].dischargeDate, byInstrument: byInstrument)
    }
}

/// One episode's scores on one instrument over time.
public struct ScoreTrajectory: Hashable, Sendable {
    public var episodeID: String
    public var admission: Day
    public var points: [ScorePoint]

    /// Days since admission of each point (the x axis of a spaghetti plot).
    public var daysSinceAdmission: [Int] { points.map { admission.days(to: $0.day) } }
}
