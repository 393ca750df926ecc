import OutcomesCore

/// Sessions stored as columns, about 23 bytes a session instead of a `Session` value's 88 plus
/// its strings: what the metrics read (date, status, type, modality, minutes, staff), nothing else.
public struct SessionColumns: Sendable {
    private var dates: [Int32] = []
    private var statuses: [UInt8] = []
    private var types: [UInt8] = []
    /// Index into `Modality.allCases` (`CaseSlot`); `Modality.allCases.count` when not recorded.
    private var modalities: [UInt8] = []
    private var scheduled: [Int32] = []
    /// -1 when not recorded.
    private var attended: [Int32] = []
    /// Index into `staffNames`; -1 when not recorded.
    private var staff: [Int32] = []
    private var staffNames: [String] = []
    private var staffIndex: [String: Int32] = [:]

    private static let statusCases = SessionStatus.allCases
    private static let typeCases = SessionType.allCases
    private static let modalityCases = Modality.allCases

    public init() {}

    public var count: Int { dates.count }

    mutating func reserve(_ capacity: Int) {
        dates.reserveCapacity(capacity)
        statuses.reserveCapacity(capacity)
        types.reserveCapacity(capacity)
        modalities.reserveCapacity(capacity)
        scheduled.reserveCapacity(capacity)
        attended.reserveCapacity(capacity)
        staff.reserveCapacity(capacity)
    }

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
        dates.append(Int32(truncatingIfNeeded: date.ordinal))
        statuses.append(UInt8(CaseSlot.of(status)))
        types.append(UInt8(CaseSlot.of(type)))
        modalities.append(UInt8(CaseSlot.of(modality)))
        scheduled.append(Int32(clamping: scheduledMinutes))
        attended.append(attendedMinutes.map { Int32(clamping: $0) } ?? -1)
        staff.append(staffIndex)
    }

    /// Appends `other`'s rows after these, its staff members numbered into this table (so the
    /// staff order of first appearance is that of reading these rows, then `other`'s).
    mutating func append(contentsOf other: SessionColumns) {
        let staffIndexes = other.staffNames.map { intern($0) }
        let total = count + other.count
        dates.reserveCapacity(total)
        statuses.reserveCapacity(total)
        types.reserveCapacity(total)
        modalities.reserveCapacity(total)
        scheduled.reserveCapacity(total)
        attended.reserveCapacity(total)
        staff.reserveCapacity(total)
        dates += other.dates
        statuses += other.statuses
        types += other.types
        modalities += other.modalities
        scheduled += other.scheduled
        attended += other.attended
        staff += other.staff.lazy.map { $0 < 0 ? -1 : staffIndexes[Int($0)] }
    }

    /// The index of a staff member's name, added on first use.
    mutating func intern(_ name: String) -> Int32 {
        if let index = staffIndex[name] { return index }
        let index = Int32(staffNames.count)
        staffNames.append(name)
        staffIndex[name] = index
        return index
    }

    public func date(_ row: Int) -> Day { Day(ordinal: Int(dates[row])) }
    public func status(_ row: Int) -> SessionStatus { SessionColumns.statusCases[Int(statuses[row])] }
    public func type(_ row: Int) -> SessionType { SessionColumns.typeCases[Int(types[row])] }

    public func modality(_ row: Int) -> Modality? {
        let code = Int(modalities[row])
        return code < SessionColumns.modalityCases.count ? SessionColumns.modalityCases[code] : nil
    }

    public func scheduledMinutes(_ row: Int) -> Int { Int(scheduled[row]) }
    public func attendedMinutes(_ row: Int) -> Int? { attended[row] < 0 ? nil : Int(attended[row]) }
    public func staffID(_ row: Int) -> String? { staff[row] < 0 ? nil : staffNames[Int(staff[row])] }

    /// The staff members named in the columns, in order of first appearance.
    var staffCount: Int { staffNames.count }
    /// Index of a row's staff member in `staffName(_:)`'s order; -1 when not recorded.
    func staffNumber(_ row: Int) -> Int { Int(staff[row]) }
    /// The staff identifier numbered `number` by `staffNumber(_:)`.
    func staffName(_ number: Int) -> String { staffNames[number] }

    /// Attended sessions only: attended minutes when recorded, else scheduled minutes.
    public func serviceMinutes(_ row: Int) -> Int {
        guard status(row).isAttended else { return 0 }
        return attended[row] >= 0 ? Int(attended[row]) : Int(scheduled[row])
    }

    /// The session at `row`, rebuilt (its source session identifier is not kept).
    func session(_ row: Int, episodeID: String) -> Session {
        Session(episodeID: episodeID, date: date(row), type: type(row), modality: modality(row), status: status(row),
                scheduledMinutes: scheduledMinutes(row), attendedMinutes: attendedMinutes(row), staffID: staffID(row))
    }
}
