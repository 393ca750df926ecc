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

    /// A point from the parts `AssessmentColumns` keeps (the same encoding).
    init(dayOrdinal: Int32, units: Int64, decimals: UInt8, timepointSlot: UInt8) {
        self.dayOrdinal = dayOrdinal
        self.units = units
        self.decimals = decimals
        self.timepointSlot = timepointSlot
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
/// shared by fidelity, symptom outcomes, the combined outcome and relapse. The scores are not
/// copied: each list is a run of the dataset's assessment rows, which hold each episode's
/// reported totals grouped by instrument and in date order (`AssessmentColumns`); the series
/// keeps where each episode's runs start (at 200,000 episodes, copies of the scores and a
/// 112-byte entry per episode were 70 MB of a 12-month report's peak, measured by heaptrack).
public struct ScoreSeries: Sendable {
    /// What the series' entries read: the dataset's episodes and assessment columns, and each
    /// entry's `instrumentCount + 1` row bounds (one object, so that an entry is two words).
    final class Storage: Sendable {
        let episodes: EpisodeTable
        let columns: AssessmentColumns
        let instrumentCount: Int
        /// Entry i's runs: instrument number k's rows are `bounds[i * (instrumentCount + 1) + k]`
        /// up to the next bound.
        let bounds: [Int32]

        init(episodes: EpisodeTable, columns: AssessmentColumns, instrumentCount: Int, bounds: [Int32]) {
            self.episodes = episodes
            self.columns = columns
            self.instrumentCount = instrumentCount
            self.bounds = bounds
        }
    }

    /// One discharged episode (the facts of it the outcome metrics read) and its scores, by
    /// instrument number, each list in date order.
    public struct EpisodeScores: Sendable {
        let storage: Storage
        let entry: Int32
        let episodePosition: Int32

        /// The episode's position in the dataset.
        public var position: Int { Int(episodePosition) }
        /// The episode's identifier.
        public var episodeID: String { storage.episodes.episodeID(at: position) }
        /// The episode's admission day.
        public var admission: Day { storage.episodes.admissionDate(at: position) }
        /// The episode's discharge day; nil while open.
        public var discharge: Day? { storage.episodes.dischargeDate(at: position) }

        /// The instrument numbers this episode can have scores on (the dataset's instruments).
        public var instrumentCount: Int { storage.instrumentCount }

        /// The scores on instrument `number`, in date order; empty when there are none or `number` is nil.
        public func scores(_ number: Int?) -> ScoreList {
            guard let number, number < instrumentCount else { return ScoreList(storage: storage, rows: 0..<0) }
            let start = Int(entry) * (instrumentCount + 1) + number
            return ScoreList(storage: storage, rows: Int(storage.bounds[start])..<Int(storage.bounds[start + 1]))
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
        let columns = dataset.assessmentColumns
        let instruments = columns.instrumentCodes.count
        var bounds: [Int32] = []
        bounds.reserveCapacity(positions.count * (instruments + 1))
        for position in positions {
            // Reported rows come first, by instrument number: instrument k's run starts at the
            // first row of a number at least k and ends where the reported rows do.
            let rows = dataset.assessmentRows(ofEpisodeAt: position)
            var row = rows.lowerBound
            for number in 0..<instruments {
                while row < rows.upperBound, columns.isReported(row), columns.instrumentNumber(row) < number {
                    row += 1
                }
                bounds.append(Int32(row))
            }
            while row < rows.upperBound, columns.isReported(row) { row += 1 }
            bounds.append(Int32(row))
        }
        let storage = Storage(episodes: dataset.episodes, columns: columns, instrumentCount: instruments,
                              bounds: bounds)
        episodes = positions.enumerated().map { entry, position in
            EpisodeScores(storage: storage, entry: Int32(entry), episodePosition: Int32(position))
        }
        instrumentCodes = columns.instrumentCodes
    }

    /// The number of an instrument code in `instrumentCodes`; nil when no score is on it.
    public func number(of code: String) -> Int? { instrumentCodes.firstIndex(of: code) }

    /// Reads one episode's scores.
    static func read(_ dataset: AnalysisDataset, position: Int) -> EpisodeScores {
        ScoreSeries(dataset, positions: [position]).episodes[0]
    }
}

/// One episode's scores on one instrument, in date order: a run of the dataset's assessment
/// rows, read where they lie.
public struct ScoreList: RandomAccessCollection, Hashable, Sendable {
    let storage: ScoreSeries.Storage
    let rows: Range<Int>

    /// The first row of the run (indices are the dataset's assessment rows).
    public var startIndex: Int { rows.lowerBound }
    /// Past the last row of the run.
    public var endIndex: Int { rows.upperBound }
    /// The score at assessment row `position`.
    public subscript(position: Int) -> ScorePoint { storage.columns.scorePoint(position) }
    /// The scores of rows `bounds` of the run, still read where they lie.
    public subscript(bounds: Range<Int>) -> ScoreList { ScoreList(storage: storage, rows: bounds) }

    /// Equal when the scores are, wherever they are stored.
    public static func == (a: ScoreList, b: ScoreList) -> Bool { a.elementsEqual(b) }

    /// Hashes the scores, as `==` compares them.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        for point in self { hasher.combine(point) }
    }
}

/// One episode's scores on one instrument over time.
public struct ScoreTrajectory: Hashable, Sendable {
    public var episodeID: String
    public var admission: Day
    /// In date order (a run of the episode's scores on the instrument: no copy per trajectory).
    public var points: ScoreList

    /// Days since admission of each point (the x axis of a spaghetti plot).
    public var daysSinceAdmission: [Int] { points.map { admission.days(to: $0.day) } }
}
