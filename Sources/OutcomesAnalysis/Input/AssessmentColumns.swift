import OutcomesCore

/// Assessments stored as columns: date, instrument, scored total and timepoint (item responses
/// are not kept: every metric reads the total). Totals are kept exact (`Score`), whatever
/// their size, decimals or sign.
public struct AssessmentColumns: Sendable {
    private var dates: [Int32] = []
    /// Index into `instrumentCodes`.
    private var instruments: [UInt16] = []
    /// Each total's `Score.units` and `Score.decimals`, apart: 9 bytes a total instead of a
    /// `Score`'s 16 (measured: 15 MB of the peak at 200,000 episodes).
    private var scoreUnits: [Int64] = []
    private var scoreDecimals: [UInt8] = []
    /// Index into `Timepoint.allCases` (`CaseSlot`); `Timepoint.allCases.count` when not recorded.
    private var timepoints: [UInt8] = []
    /// Instrument codes in order of first appearance.
    private(set) var instrumentCodes: [String] = []
    private var instrumentIndex: [String: UInt16] = [:]

    private static let timepointCases = Timepoint.allCases

    public init() {}

    public var count: Int { dates.count }

    mutating func append(_ assessment: Assessment) {
        append(date: assessment.assessedOn, score: assessment.score, timepoint: assessment.timepoint,
               instrument: intern(assessment.instrument))
    }

    /// Appends a total read as numbers; `instrument` is `intern(_:)`'s index of its instrument code.
    mutating func append(_ facts: AssessmentFacts, instrument: UInt16) {
        append(date: facts.assessedOn, score: facts.score, timepoint: facts.timepoint, instrument: instrument)
    }

    private mutating func append(date: Day, score: Score, timepoint: Timepoint?, instrument: UInt16) {
        dates.append(Int32(truncatingIfNeeded: date.ordinal))
        scoreUnits.append(score.units)
        scoreDecimals.append(UInt8(score.decimals))
        timepoints.append(UInt8(CaseSlot.of(timepoint)))
        instruments.append(instrument)
    }

    /// The index of an instrument code, added on first use.
    mutating func intern(_ code: String) -> UInt16 {
        if let index = instrumentIndex[code] { return index }
        let index = UInt16(truncatingIfNeeded: instrumentCodes.count)
        instrumentCodes.append(code)
        instrumentIndex[code] = index
        return index
    }

    public func date(_ row: Int) -> Day { Day(ordinal: Int(dates[row])) }
    public func instrument(_ row: Int) -> String { instrumentCodes[Int(instruments[row])] }
    /// The position of a row's instrument code in `instrumentCodes`.
    func instrumentNumber(_ row: Int) -> Int { Int(instruments[row]) }
    /// The raw total, exact (go through `Instrument.reported` for thresholds and bands).
    public func score(_ row: Int) -> Score { Score(partsOf: scoreUnits[row], decimals: scoreDecimals[row]) }

    public func timepoint(_ row: Int) -> Timepoint? {
        let code = Int(timepoints[row])
        return code < AssessmentColumns.timepointCases.count ? AssessmentColumns.timepointCases[code] : nil
    }

    /// The assessment at `row`, rebuilt without item responses.
    func assessment(_ row: Int, episodeID: String) -> Assessment {
        Assessment(episodeID: episodeID, assessedOn: date(row), instrument: instrument(row), score: score(row),
                   timepoint: timepoint(row))
    }
}
