import OutcomesCore

/// Assessments as 12-byte records in chunks (`ChunkedRecords`): date, instrument, total and
/// timepoint (item responses are not kept: every metric reads the total). Totals are kept exact
/// (`Score`), whatever their size, decimals or sign: a total whose units do not fit the record's
/// 32 bits is kept aside, by row. (With 64-bit units, the 3.1 million scores a 12-month report
/// reads at 200,000 episodes took 49 MB.)
///
/// Once the dataset is built (`putOnReportingScales`), each total the registry can report is
/// held on its instrument's reporting scale, so that `ScoreSeries` reads an episode's scores
/// where they lie instead of copying them (at 200,000 episodes the copies were 49 MB of a
/// 12-month report's peak, measured by heaptrack); a total it cannot report (an instrument the
/// registry lacks, a total outside the current definition) is marked and kept as stored.
public struct AssessmentColumns: DatedColumns {
    private struct Record: Sendable {
        /// `Score.units` and `Score.decimals` apart (a `Score` would take 16 bytes alone);
        /// `unitsKeptAside` when the units do not fit.
        var scoreUnits: Int32
        var day: Int32
        /// Index into `instrumentCodes`.
        var instrument: UInt16
        var scoreDecimals: UInt8
        /// Index into `Timepoint.allCases` (`CaseSlot`), `Timepoint.allCases.count` when not
        /// recorded, in the low 6 bits; the high bit marks a total that is not reported, the next
        /// one a total already put on its reporting scale (or marked).
        var timepointAndMark: UInt8

        static let unitsKeptAside = Int32.min
        static let unreportedMark: UInt8 = 0x80
        static let scaledMark: UInt8 = 0x40
        var timepointSlot: UInt8 { timepointAndMark & ~(Self.unreportedMark | Self.scaledMark) }
        var isReported: Bool { timepointAndMark & Self.unreportedMark == 0 }
    }

    private var records = ChunkedRecords<Record>()
    /// The units of rows whose units do not fit a record's 32 bits, by row.
    private var unitsKeptAside: [Int: Int64] = [:]
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
        append(Record(scoreUnits: 0, day: Int32(truncatingIfNeeded: date.ordinal), instrument: instrument,
                      scoreDecimals: UInt8(score.decimals), timepointAndMark: UInt8(CaseSlot.of(timepoint))),
               units: score.units)
    }

    /// Appends `record` with score units `units`, whatever its own.
    private mutating func append(_ record: Record, units: Int64) {
        var record = record
        setUnits(units, of: &record, row: records.count)
        records.append(record)
    }

    /// Puts `units` in `record`, to be stored at `row`, or keeps them aside when they do not fit.
    private mutating func setUnits(_ units: Int64, of record: inout Record, row: Int) {
        if let fitting = Int32(exactly: units), fitting != Record.unitsKeptAside {
            record.scoreUnits = fitting
            if !unitsKeptAside.isEmpty { unitsKeptAside[row] = nil }
        } else {
            record.scoreUnits = Record.unitsKeptAside
            unitsKeptAside[row] = units
        }
    }

    /// The score units of `record`, stored at `row`.
    private func units(_ record: Record, row: Int) -> Int64 {
        record.scoreUnits == Record.unitsKeptAside ? unitsKeptAside[row] ?? 0 : Int64(record.scoreUnits)
    }

    /// Puts each total on its instrument's reporting scale (`scales`, by instrument number), in
    /// place; a total without one, or that the scale refuses, is marked unreported. A total
    /// already put (an earlier call) is left as it is.
    mutating func putOnReportingScales(_ scales: [ReportingScale?]) {
        for row in 0..<records.count {
            var record = records[row]
            guard record.timepointAndMark & Record.scaledMark == 0 else { continue }
            record.timepointAndMark |= Record.scaledMark
            let instrument = Int(record.instrument)
            let stored = Score(partsOf: units(record, row: row), decimals: record.scoreDecimals)
            if instrument < scales.count, let scale = scales[instrument],
               let reported = scale.reported(stored: stored) {
                setUnits(reported.units, of: &record, row: row)
                record.scoreDecimals = UInt8(reported.decimals)
            } else {
                record.timepointAndMark |= Record.unreportedMark
            }
            records[row] = record
        }
    }

    /// Orders an owner's rows (`DatedColumns.group`): reported totals by instrument number, then
    /// the unreported ones, each group in date order.
    func groupingKey(_ row: Int) -> Int {
        let record = records[row]
        let group = record.isReported ? Int(record.instrument) : Int(UInt16.max) + 1
        return group << 32 | Int(Int64(record.day) - Int64(Int32.min))
    }

    /// Whether the total at `row` is on its instrument's reporting scale.
    func isReported(_ row: Int) -> Bool { records[row].isReported }

    /// The score at `row`, a reported total (`isReported`).
    func scorePoint(_ row: Int) -> ScorePoint {
        let record = records[row]
        return ScorePoint(dayOrdinal: record.day, units: units(record, row: row), decimals: record.scoreDecimals,
                          timepointSlot: record.timepointSlot)
    }

    mutating func rearrange(_ range: Range<Int>, as order: [Int]) {
        let moved = order.map { (record: records[$0], units: unitsKeptAside[$0]) }
        for (row, entry) in zip(range, moved) {
            records[row] = entry.record
            unitsKeptAside[row] = entry.units
        }
    }

    /// The rows at `rows`, in that order, with the same instrument numbering.
    func reordered(_ rows: some Sequence<Int>) -> AssessmentColumns {
        var reordered = AssessmentColumns()
        reordered.instruments = instruments
        for row in rows { reordered.append(records[row], units: units(records[row], row: row)) }
        return reordered
    }

    /// The index of an instrument code, added on first use.
    mutating func intern(_ code: String) -> UInt16 {
        UInt16(truncatingIfNeeded: instruments.number(of: code))
    }

    /// The date at `row`.
    public func date(_ row: Int) -> Day { Day(ordinal: Int(records[row].day)) }
    /// The position of a row's instrument code in `instrumentCodes`.
    func instrumentNumber(_ row: Int) -> Int { Int(records[row].instrument) }

    /// The total at `row`, exact: on the reporting scale when `isReported`, else as stored.
    public func score(_ row: Int) -> Score {
        let record = records[row]
        return Score(partsOf: units(record, row: row), decimals: record.scoreDecimals)
    }

    /// The timepoint at `row`; nil when not recorded.
    public func timepoint(_ row: Int) -> Timepoint? {
        let code = Int(records[row].timepointSlot)
        return code < AssessmentColumns.timepointCases.count ? AssessmentColumns.timepointCases[code] : nil
    }
}
