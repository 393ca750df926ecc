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
    /// instrument number, each list in date order.
    public struct EpisodeScores: Sendable {
        public var position: Int
        public var episodeID: String
        public var admission: Day
        public var discharge: Day?
        /// The scores on each instrument by its number (its position in `instrumentCodes`); an
        /// instrument without scores, or missing from the registry, has an empty list.
        public var byNumber: [[ScorePoint]]

        /// The scores on instrument `number`, in date order; empty when there are none or `number` is nil.
        public func scores(_ number: Int?) -> [ScorePoint] {
            guard let number, number < byNumber.count else { return [] }
            return byNumber[number]
        }
    }

    public var episodes: [EpisodeScores]
    /// Instrument codes by number, as the dataset's assessment columns number them.
    public let instrumentCodes: [String]

    /// Reads the scores of the cohort's episodes discharged in `period`.
    public init(_ context: CohortContext, dischargedIn period: Period) {
        episodes = context.discharged(in: period).map { ScoreSeries.read(context.dataset, position: $0) }
        instrumentCodes = context.dataset.assessmentColumns.instrumentCodes
    }

    /// The number of an instrument code in `instrumentCodes`; nil when no score is on it.
    public func number(of code: String) -> Int? { instrumentCodes.firstIndex(of: code) }

    /// Reads one episode's scores; instruments missing from the registry are left out, and so
    /// is a total the instrument's current definition cannot hold (`ReportingScale`), so that
    /// every score put on the reporting scale is one the instrument check bounded.
    static func read(_ dataset: AnalysisDataset, position: Int) -> EpisodeScores {
        let columns = dataset.assessmentColumns
        let rows = dataset.assessmentRows(ofEpisodeAt: position)
        // Counted first, so that each instrument's list is allocated once at its size.
        var counts: [Int] = []
        for row in rows {
            let number = columns.instrumentNumber(Int(row))
            if counts.count <= number { counts += Array(repeating: 0, count: number + 1 - counts.count) }
            counts[number] += 1
        }
        var byNumber = counts.map { count -> [ScorePoint] in
            var points: [ScorePoint] = []
            points.reserveCapacity(count)
            return points
        }
        for row in rows.lazy.map({ Int($0) }) {
            let number = columns.instrumentNumber(row)
            guard let score = dataset.reportingScales[number]?.reported(stored: columns.score(row)) else { continue }
            byNumber[number].append(ScorePoint(day: columns.date(row), score: score, timepoint: columns.timepoint(row)))
        }
        return EpisodeScores(position: position, episodeID: dataset.episodes[position].episodeID,
                             admission: dataset.episodes[position].admissionDate,
                             discharge: dataset.episodes[position].dischargeDate, byNumber: byNumber)
    }
}

/// One episode's scores on one instrument over time.
public struct ScoreTrajectory: Hashable, Sendable {
    public var episodeID: String
    public var admission: Day
    /// In date order (a slice of the episode's scores on the instrument: no copy per trajectory).
    public var points: ArraySlice<ScorePoint>

    /// Days since admission of each point (the x axis of a spaghetti plot).
    public var daysSinceAdmission: [Int] { points.map { admission.days(to: $0.day) } }
}
