import OutcomesCore

/// Sessions as 8-byte records (`SessionRecord`) in chunks (`ChunkedRecords`): what the metrics
/// read (date, status, type, modality, minutes, staff), nothing else. Joining two tables copies
/// only the appended rows.
public struct SessionColumns: DatedColumns {
    private var records = ChunkedRecords<SessionRecord>()
    /// Staff indexes of rows whose index does not fit a record's 16 bits, by row.
    private var staffKeptAside: [Int: Int32] = [:]
    /// Days of rows whose day does not fit a record's 16 bits, by row.
    private var dayKeptAside: [Int: Day] = [:]
    private var staffNames = TextNumbering()

    private static let statusCases = SessionStatus.allCases
    private static let typeCases = SessionType.allCases
    private static let modalityCases = Modality.allCases

    public init() {}

    public var count: Int { records.count }

    mutating func append(_ session: Session) {
        append(date: session.date, type: session.type, modality: session.modality, status: session.status,
               scheduledMinutes: session.scheduledMinutes, attendedMinutes: session.attendedMinutes,
               staff: session.staffID.map { intern($0) } ?? -1)
    }

    /// Appends a session read as numbers; `staff` is `intern(_:)`'s index of its staff member, -1 when none.
    mutating func append(_ facts: SessionFacts, staff staffIndex: Int32) {
        append(date: facts.date, type: facts.type, modality: facts.modality, status: facts.status,
               scheduledMinutes: facts.scheduledMinutes, attendedMinutes: facts.attendedMinutes, staff: staffIndex)
    }

    private mutating func append(date: Day, type: SessionType, modality: Modality?, status: SessionStatus,
                                 scheduledMinutes: Int, attendedMinutes: Int?, staff staffIndex: Int32) {
        append(SessionRecord(day: date, type: type, modality: modality, status: status,
                             scheduledMinutes: scheduledMinutes, attendedMinutes: attendedMinutes,
                             staffField: 0), day: date, staff: staffIndex)
    }

    /// Appends `record`, whose day is `day`, with staff index `staffIndex` (-1 when none),
    /// whatever its own staff field.
    private mutating func append(_ record: SessionRecord, day: Day, staff staffIndex: Int32) {
        if record.dayField == SessionRecord.dayKeptAside { dayKeptAside[count] = day }
        let field: UInt32
        if staffIndex < 0 {
            field = SessionRecord.noStaff
        } else if UInt32(staffIndex) < SessionRecord.staffKeptAside {
            field = UInt32(staffIndex)
        } else {
            field = SessionRecord.staffKeptAside
            staffKeptAside[count] = staffIndex
        }
        records.append(record.withStaffField(field))
    }

    /// Moves `other`'s rows after these, its staff members numbered into this table (staff
    /// numbers follow first appearance: these rows', then `other`'s), and leaves `other` empty.
    /// Each of its chunks is freed once copied: joining a third of a report's 6 million
    /// sessions onto the rest held both copies at once, 15 MiB of `report monthly`'s peak.
    mutating func append(draining other: inout SessionColumns) {
        let staffIndexes = other.staffNames.texts.map { intern($0) }
        let (keptAside, days) = (other.staffKeptAside, other.dayKeptAside)
        var row = 0
        other.records.removeAll { (record: SessionRecord) in
            let number = Self.staffNumber(of: record, row: row, keptAside: keptAside)
            let day = Self.day(of: record, row: row, keptAside: days)
            append(record, day: day, staff: number < 0 ? -1 : staffIndexes[number])
            row += 1
        }
        other = SessionColumns()
    }

    mutating func rearrange(_ range: Range<Int>, as order: [Int]) {
        let moved = order.map { (record: records[$0], staff: staffKeptAside[$0], day: dayKeptAside[$0]) }
        for (row, entry) in zip(range, moved) {
            records[row] = entry.record
            staffKeptAside[row] = entry.staff
            dayKeptAside[row] = entry.day
        }
    }

    /// The rows at `rows`, in that order, with the same staff numbering.
    func reordered(_ rows: some Sequence<Int>) -> SessionColumns {
        var reordered = SessionColumns()
        reordered.staffNames = staffNames
        for row in rows { reordered.append(record(row), day: date(row), staff: Int32(staffNumber(row))) }
        return reordered
    }

    /// The index of a staff member's name, added on first use.
    mutating func intern(_ name: String) -> Int32 {
        Int32(staffNames.number(of: name))
    }

    private func record(_ row: Int) -> SessionRecord { records[row] }

    public func date(_ row: Int) -> Day { Self.day(of: record(row), row: row, keptAside: dayKeptAside) }
    public func status(_ row: Int) -> SessionStatus { Self.status(of: record(row)) }
    public func type(_ row: Int) -> SessionType { SessionColumns.typeCases[record(row).typeSlot] }

    public func modality(_ row: Int) -> Modality? {
        let slot = record(row).modalitySlot
        return slot < SessionColumns.modalityCases.count ? SessionColumns.modalityCases[slot] : nil
    }

    public func scheduledMinutes(_ row: Int) -> Int { record(row).scheduled }
    public func attendedMinutes(_ row: Int) -> Int? { record(row).attendedMinutes }

    public func staffID(_ row: Int) -> String? {
        let number = staffNumber(row)
        return number < 0 ? nil : staffNames[number]
    }

    /// What a tally of sessions reads of row `row`, from one read of its record: its status, its
    /// type's and modality's `CaseSlot`s and its staff number (`staffNumber(_:)`). (Through
    /// `status`, `type`, `modality` and `staffNumber`, a tally read the record four times and
    /// turned two codes back into their slots.)
    func tallied(_ row: Int) -> TalliedSession {
        let record = record(row)
        return TalliedSession(status: Self.status(of: record), typeSlot: record.typeSlot,
                              modalitySlot: record.modalitySlot,
                              staffNumber: Self.staffNumber(of: record, row: row, keptAside: staffKeptAside))
    }

    /// The staff members named in the columns, in order of first appearance.
    var staffCount: Int { staffNames.count }

    /// Index of a row's staff member in `staffName(_:)`'s order; -1 when not recorded.
    func staffNumber(_ row: Int) -> Int {
        Self.staffNumber(of: record(row), row: row, keptAside: staffKeptAside)
    }

    /// The status `record` holds.
    private static func status(of record: SessionRecord) -> SessionStatus { statusCases[record.statusSlot] }

    /// The staff index of `record`, stored at `row` of columns whose large indexes are `keptAside`.
    private static func staffNumber(of record: SessionRecord, row: Int, keptAside: [Int: Int32]) -> Int {
        switch record.staffField {
        case SessionRecord.noStaff: return -1
        case SessionRecord.staffKeptAside: return Int(keptAside[row] ?? -1)
        case let field: return Int(field)
        }
    }

    /// The day of `record`, stored at `row` of columns whose days out of the record's range are `keptAside`.
    private static func day(of record: SessionRecord, row: Int, keptAside: [Int: Day]) -> Day {
        let field = record.dayField
        return field == SessionRecord.dayKeptAside ? keptAside[row] ?? Day(ordinal: 0) : Day(ordinal: Int(field))
    }

    /// The staff identifier numbered `number` by `staffNumber(_:)`.
    func staffName(_ number: Int) -> String { staffNames[number] }

    /// Attended sessions only: attended minutes when recorded, else scheduled minutes.
    public func serviceMinutes(_ row: Int) -> Int {
        let record = record(row)
        guard Self.status(of: record).isAttended else { return 0 }
        return record.attendedMinutes ?? record.scheduled
    }

    /// The session at `row`, rebuilt (its source session identifier is not kept).
    func session(_ row: Int, episodeID: String) -> Session {
        Session(episodeID: episodeID, date: date(row), type: type(row), modality: modality(row), status: status(row),
                scheduledMinutes: scheduledMinutes(row), attendedMinutes: attendedMinutes(row), staffID: staffID(row))
    }
}

/// One session as a tally reads it (`SessionColumns.tallied`).
struct TalliedSession {
    var status: SessionStatus
    /// `CaseSlot.of` the session's type.
    var typeSlot: Int
    /// `CaseSlot.of` the session's modality (nil: after the last case).
    var modalitySlot: Int
    /// `SessionColumns.staffNumber`: -1 when not recorded.
    var staffNumber: Int
}
