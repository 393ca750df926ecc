import OutcomesCore

/// Assessments as 8-byte records in chunks (`ChunkedRecords`): date, instrument, total and
/// timepoint (item responses are not kept: every metric reads the total). Totals are kept exact
/// (`Score`), whatever their size, decimals or sign: a row whose total's units do not fit the
/// record's 32 bits, whose day is not within 65,534 days of 1970-01-01, or whose instrument number
/// does not fit 8 bits is kept aside whole, by row. (With 64-bit units, the 3.1 million scores a
/// 12-month report reads at 200,000 episodes took 49 MB; as 12-byte records with a 32-bit day and
/// a 16-bit instrument, 37 MB, and 55 MB at a five-year history's 4.6 million.)
///
/// Once the dataset is built (`putOnReportingScales`), each total the registry can report is
/// held on its instrument's reporting scale, so that `ScoreSeries` reads an episode's scores
/// where they lie instead of copying them (at 200,000 episodes the copies were 49 MB of a
/// 12-month report's peak, measured by heaptrack); a total it cannot report (an instrument the
/// registry lacks, a total outside the current definition) is marked and kept as stored.
public struct AssessmentColumns: DatedColumns {
    struct Record: Sendable {
        /// `Score.units`, unless the row is kept aside.
        var scoreUnits: Int32
        /// Days since 1970-01-01; `keptAside` when the row is kept aside.
        var dayField: UInt16
        /// Index into `instrumentCodes`, unless the row is kept aside.
        var instrumentField: UInt8
        /// `Score.decimals` (0-6) in bits 0-2; the timepoint's index into `Timepoint.allCases`
        /// (`CaseSlot`, `Timepoint.allCases.count` when not recorded) in bits 3-5; bit 6 marks a
        /// total already put on its reporting scale (or marked), bit 7 a total that is not reported.
        var flags: UInt8

        static let keptAside = UInt16.max
        static let scaledMark: UInt8 = 0x40
        static let unreportedMark: UInt8 = 0x80
        var decimals: UInt8 { flags & 0b111 }
        var timepointSlot: UInt8 { flags >> 3 & 0b111 }
        var isReported: Bool { flags & Self.unreportedMark == 0 }
    }

    /// A row's units, day and instrument number, whatever their size.
    private struct Wide: Sendable {
        var units: Int64
        var day: Int32
        var instrument: UInt16
    }

    private var records = ChunkedRecords<Record>()
    /// The units, day and instrument of rows whose record cannot hold them, by row.
    private var rowsKeptAside: [Int: Wide] = [:]
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
        let flags = UInt8(score.decimals) | UInt8(CaseSlot.of(timepoint)) << 3
        append(Record(scoreUnits: 0, dayField: 0, instrumentField: 0, flags: flags),
               Wide(units: score.units, day: Int32(truncatingIfNeeded: date.ordinal), instrument: instrument))
    }

    /// Appends `record` with the units, day and instrument of `wide`, whatever its own.
    private mutating func append(_ record: Record, _ wide: Wide) {
        var record = record
        set(wide, of: &record, row: records.count)
        records.append(record)
    }

    /// Puts `wide`'s fields in `record`, to be stored at `row`, or keeps the row aside when they do not fit.
    private mutating func set(_ wide: Wide, of record: inout Record, row: Int) {
        if let units = Int32(exactly: wide.units), (0..<Int32(Record.keptAside)).contains(wide.day),
           let instrument = UInt8(exactly: wide.instrument) {
            (record.scoreUnits, record.dayField, record.instrumentField) = (units, UInt16(wide.day), instrument)
            if !rowsKeptAside.isEmpty { rowsKeptAside[row] = nil }
        } else {
            (record.scoreUnits, record.dayField, record.instrumentField) = (0, Record.keptAside, 0)
            rowsKeptAside[row] = wide
        }
    }

    /// The units, day and instrument of `record`, stored at `row`.
    private func wide(_ record: Record, row: Int) -> Wide {
        guard record.dayField == Record.keptAside else {
            return Wide(units: Int64(record.scoreUnits), day: Int32(record.dayField),
                        instrument: UInt16(record.instrumentField))
        }
        return rowsKeptAside[row] ?? Wide(units: 0, day: 0, instrument: 0)
    }

    /// Puts each total on its instrument's reporting scale (`scales`, by instrument number), in
    /// place; a total without one, or that the scale refuses, is marked unreported. A total
    /// already put (an earlier call) is left as it is.
    mutating func putOnReportingScales(_ scales: [ReportingScale?]) {
        for row in 0..<records.count {
            var record = records[row]
            guard record.flags & Record.scaledMark == 0 else { continue }
            record.flags |= Record.scaledMark
            var fields = wide(record, row: row)
            let stored = Score(partsOf: fields.units, decimals: record.decimals)
            if Int(fields.instrument) < scales.count, let scale = scales[Int(fields.instrument)],
               let reported = scale.reported(stored: stored) {
                fields.units = reported.units
                set(fields, of: &record, row: row)
                record.flags = record.flags & ~0b111 | UInt8(reported.decimals)
            } else {
                record.flags |= Record.unreportedMark
            }
            records[row] = record
        }
    }

    /// Orders an owner's rows (`DatedColumns.group`): reported totals by instrument number, then
    /// the unreported ones, each group in date order.
    func groupingKey(_ row: Int) -> Int {
        let record = records[row]
        let fields = wide(record, row: row)
        let group = record.isReported ? Int(fields.instrument) : Int(UInt16.max) + 1
        return group << 32 | Int(Int64(fields.day) - Int64(Int32.min))
    }

    /// Whether the total at `row` is on its instrument's reporting scale.
    func isReported(_ row: Int) -> Bool { records[row].isReported }

    /// The score at `row`, a reported total (`isReported`).
    func scorePoint(_ row: Int) -> ScorePoint {
        let record = records[row]
        let fields = wide(record, row: row)
        return ScorePoint(dayOrdinal: fields.day, units: fields.units, decimals: record.decimals,
                          timepointSlot: record.timepointSlot)
    }

    mutating func rearrange(_ range: Range<Int>, as order: [Int]) {
        // Nearly always no row is kept aside: the records alone move, with no lookup of each.
        guard !rowsKeptAside.isEmpty else { return records.replace(range, with: order.map { records[$0] }) }
        let moved = order.map { (record: records[$0], wide: rowsKeptAside[$0]) }
        for (row, entry) in zip(range, moved) {
            records[row] = entry.record
            rowsKeptAside[row] = entry.wide
        }
    }

    /// The rows at `rows`, in that order, with the same instrument numbering.
    func reordered(_ rows: some Sequence<Int>) -> AssessmentColumns {
        var reordered = AssessmentColumns()
        reordered.instruments = instruments
        for row in rows { reordered.append(records[row], wide(records[row], row: row)) }
        return reordered
    }

    /// The index of an instrument code, added on first use.
    mutating func intern(_ code: String) -> UInt16 {
        UInt16(truncatingIfNeeded: instruments.number(of: code))
    }

    /// The date at `row`.
    public func date(_ row: Int) -> Day { Day(ordinal: Int(wide(records[row], row: row).day)) }
    /// The position of a row's instrument code in `instrumentCodes`.
    func instrumentNumber(_ row: Int) -> Int { Int(wide(records[row], row: row).instrument) }

    /// The total at `row`, exact: on the reporting scale when `isReported`, else as stored.
    public func score(_ row: Int) -> Score {
        let record = records[row]
        return Score(partsOf: wide(record, row: row).units, decimals: record.decimals)
    }

    /// The timepoint at `row`; nil when not recorded.
    public func timepoint(_ row: Int) -> Timepoint? {
        let code = Int(records[row].timepointSlot)
        return code < AssessmentColumns.timepointCases.count ? AssessmentColumns.timepointCases[code] : nil
    }
}
