import OutcomesCore

/// Assessments as 16-byte records in chunks (`ChunkedRecords`): date, instrument, scored total
/// and timepoint (item responses are not kept: every metric reads the total). Totals are kept
/// exact (`Score`), whatever their size, decimals or sign.
public struct AssessmentColumns: DatedColumns {
    private struct Record: Sendable {
        /// `Score.units` and `Score.decimals` apart: a `Score` would take 16 bytes alone.
        var scoreUnits: Int64
        var day: Int32
        /// Index into `instrumentCodes`.
        var instrument: UInt16
        var scoreDecimals: UInt8
        /// Index into `Timepoint.allCases` (`CaseSlot`); `Timepoint.allCases.count` when not recorded.
        var timepoint: UInt8
    }

    private var records = ChunkedRecords<Record>()
    private var instruments = TextNumbering()
    /// Instrument codes in order of first appearance.
    var instrumentCodes: [String] { instruments.texts }

    private static let timepointCases = Timepoint.allCases

    public init() {}

    public var count: Int { records.count }

    mutating func append(_ assessment: Assessment) {
        append(date: assessment.assessedOn, score: assessment.score, timepoint: assessment.timepoint,
               instrument: intern(assessment.instrument))
    }

    /// Appends a total read as numbers; `instrument` is `intern(_:)`'s index of its instrument code.
    mutating func append(_ facts: AssessmentFacts, instrument: UInt16) {
        append(date: facts.assessedOn, score: facts.score, timepoint: facts.timepoint, instrument: instrument)
    }

    private mutating func append(date: Day, score: Score, timepoint: Timepoint?, instrument: UInt16) {
        records.append(Record(scoreUnits: score.units, day: Int32(truncatingIfNeeded: date.ordinal),
                              instrument: instrument, scoreDecimals: UInt8(score.decimals),
                              timepoint: UInt8(CaseSlot.of(timepoint))))
    }

    mutating func rearrange(_ range: Range<Int>, as order: [Int]) {
        let moved = order.map { records[$0] }
        for (row, record) in zip(range, moved) { records[row] = record }
    }

    /// The rows at `rows`, in that order, with the same instrument numbering.
    func reordered(_ rows: some Sequence<Int>) -> AssessmentColumns {
        var reordered = AssessmentColumns()
        reordered.instruments = instruments
        for row in rows { reordered.records.append(records[row]) }
        return reordered
    }

    /// The index of an instrument code, added on first use.
    mutating func intern(_ code: String) -> UInt16 {
        UInt16(truncatingIfNeeded: instruments.number(of: code))
    }

    public func date(_ row: Int) -> Day { Day(ordinal: Int(records[row].day)) }
    public func instrument(_ row: Int) -> String { instruments[Int(records[row].instrument)] }
    /// The position of a row's instrument code in `instrumentCodes`.
    func instrumentNumber(_ row: Int) -> Int { Int(records[row].instrument) }

    /// The raw total, exact (go through `Instrument.reported` for thresholds and bands).
    public func score(_ row: Int) -> Score {
        let record = records[row]
        return Score(partsOf: record.scoreUnits, decimals: record.scoreDecimals)
    }

    public func timepoint(_ row: Int) -> Timepoint? {
        let code = Int(records[row].timepoint)
        return code < AssessmentColumns.timepointCases.count ? AssessmentColumns.timepointCases[code] : nil
    }

    /// The assessment at `row`, rebuilt without item responses.
    func assessment(_ row: Int, episodeID: String) -> Assessment {
        Assessment(episodeID: episodeID, assessedOn: date(row), instrument: instrument(row), score: score(row),
                   timepoint: timepoint(row))
    }
}
