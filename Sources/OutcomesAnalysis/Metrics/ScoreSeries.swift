import OutcomesCore

/// One score on the reporting scale (raw total x the instrument's reporting factor), exact.
/// Stored in 16 bytes (a day, the score's units and decimals, the timepoint's case) instead of
/// the 32 a `Day`, a `Score` and a `Timepoint?` take: a 12-month report's series hold millions
/// (measured by heaptrack: 240 MB of qi-review's peak at 200,000 episodes).
public struct ScorePoint: Hashable, Sendable {
    // Widest first: with the day first, padding made a point 24 bytes.
    private var units: Int64
    private var dayOrdinal: Int32
    private var decimals: UInt8
    /// `CaseSlot.of(timepoint)`.
    private var timepointSlot: UInt8

    private static let timepointCases = Timepoint.allCases

    public init(day: Day, score: Score, timepoint: Timepoint? = nil) {
        dayOrdinal = Int32(truncatingIfNeeded: day.ordinal)
        units = score.units
        decimals = UInt8(score.decimals)
        timepointSlot = UInt8(CaseSlot.of(timepoint))
    }

    public var day: Day { Day(ordinal: Int(dayOrdinal)) }
    public var score: Score { Score(partsOf: units, decimals: decimals) }
    public var timepoint: Timepoint? {
        Int(timepointSlot) < Self.timepointCases.count ? Self.timepointCases[Int(timepointSlot)] : nil
    }

    /// Equal when day, score (whatever its decimals: 20.3 == 20.30) and timepoint are.
    public static func == (a: ScorePoint, b: ScorePoint) -> Bool {
        a.dayOrdinal == b.dayOrdinal && a.timepointSlot == b.timepointSlot && a.score == b.score
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(dayOrdinal)
        hasher.combine(score)
        hasher.combine(timepointSlot)
    }
}

/// The scores of each discharged episode of a cohort, by instrument: read once per cohort and
/// shared by fidelity, symptom outcomes, the combined outcome and relapse. Every score of the
/// series is in one array (no array per episode and instrument: at 200,000 episodes those were
/// the largest block of a report's memory), each episode's grouped by instrument number.
public struct ScoreSeries: Sendable {
    /// One discharged episode (the facts of it the outcome metrics read) and its scores, by
    /// instrument number, each list in date order.
    public struct EpisodeScores: Sendable {
        public var position: Int
        public var episodeID: String
        public var admission: Day
        public var discharge: Day?
        /// The series' scores (shared storage, absolute indices).
        let points: ArraySlice<ScorePoint>
        /// Where this episode's scores on each instrument number start in `points`, and where
        /// the last one's end: `instrumentCount + 1` offsets.
        let bounds: ArraySlice<Int32>

        /// The instrument numbers this episode can have scores on (the dataset's instruments).
        public var instrumentCount: Int { bounds.count - 1 }

        /// The scores on instrument `number`, in date order; empty when there are none or `number` is nil.
        public func scores(_ number: Int?) -> ArraySlice<ScorePoint> {
            guard let number, number < instrumentCount else { return [] }
            let start = bounds.startIndex + number
            return points[Int(bounds[start])..<Int(bounds[start + 1])]
        }
    }

    public var episodes: [EpisodeScores]
    /// Instrument codes by number, as the dataset's assessment columns number them.
    public let instrumentCodes: [String]

    /// Reads the scores of the cohort's episodes discharged in `period`.
    public init(_ context: CohortContext, dischargedIn period: Period) {
        self.init(context.dataset, positions: context.discharged(in: period))
    }

    /// Reads the scores of the episodes at `positions`.
    init(_ dataset: AnalysisDataset, positions: [Int]) {
        let instruments = dataset.assessmentColumns.instrumentCodes.count
        var points: [ScorePoint] = []
        points.reserveCapacity(positions.reduce(0) { $0 + dataset.assessmentRows(ofEpisodeAt: $1).count })
        var bounds: [Int32] = []
        bounds.reserveCapacity(positions.count * (instruments + 1))
        for position in positions { ScoreSeries.append(dataset, position: position, instruments: instruments, &points, &bounds) }
        let all = points[...]
        episodes = positions.enumerated().map { index, position in
            let start = index * (instruments + 1)
            return EpisodeScores(position: position, episodeID: dataset.episodes.episodeID(at: position),
                                 admission: dataset.episodes.admissionDate(at: position),
                                 discharge: dataset.episodes.dischargeDate(at: position), points: all,
                                 bounds: bounds[start...(start + instruments)])
        }
        instrumentCodes = dataset.assessmentColumns.instrumentCodes
    }

    /// The number of an instrument code in `instrumentCodes`; nil when no score is on it.
    public func number(of code: String) -> Int? { instrumentCodes.firstIndex(of: code) }

    /// Reads one episode's scores.
    static func read(_ dataset: AnalysisDataset, position: Int) -> EpisodeScores {
        ScoreSeries(dataset, positions: [position]).episodes[0]
    }

    /// Appends one episode's scores, grouped by instrument number, and their `instruments + 1`
    /// offsets; instruments missing from the registry are left out, and so is a total the
    /// instrument's current definition cannot hold (`ReportingScale`), so that every score put
    /// on the reporting scale is one the instrument check bounded.
    private static func append(_ dataset: AnalysisDataset, position: Int, instruments: Int,
                               _ points: inout [ScorePoint], _ bounds: inout [Int32]) {
        let columns = dataset.assessmentColumns
        let rows = dataset.assessmentRows(ofEpisodeAt: position)
        for number in 0..<instruments {
            bounds.append(Int32(points.count))
            guard let scale = dataset.reportingScales[number] else { continue }
            // The rows are in date order, so each instrument's scores are too.
            for row in rows.lazy.map({ Int($0) }) where columns.instrumentNumber(row) == number {
                guard let score = scale.reported(stored: columns.score(row)) else { continue }
                points.append(ScorePoint(day: columns.date(row), score: score, timepoint: columns.timepoint(row)))
            }
        }
        bounds.append(Int32(points.count))
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
