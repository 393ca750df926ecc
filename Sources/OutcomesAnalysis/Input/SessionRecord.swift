import OutcomesCore

/// One session as `SessionColumns` keeps it: 8 bytes, one 64-bit field.
///
/// - bits 0-15: the day, as days since 1970-01-01 (to 2149-06-05); `dayKeptAside` for a day
///   outside that range, which the columns keep aside;
/// - bits 16-27 and 28-39: scheduled and attended minutes (ingest allows 0 to 1,440; a larger
///   value is clamped to 4,094), 4,095 for attended minutes not recorded;
/// - bits 40-47: the codes' `CaseSlot` positions, status in 3 bits, type in 3, modality in 2;
/// - bits 48-63: the staff field, the staff index or `noStaff` or `staffKeptAside`.
///
/// At 12 bytes (a 32-bit day, 16-bit minutes, a 24-bit staff index) the 6.5 million sessions
/// a 12-month report reads at 200,000 episodes took 78 MB.
struct SessionRecord: Sendable {
    private var bits: UInt64

    /// The staff field of a session without staff.
    static let noStaff: UInt32 = 0xFFFF
    /// The staff field of a session whose staff index does not fit in 16 bits (kept aside).
    static let staffKeptAside: UInt32 = 0xFFFE
    /// The day field of a session whose day is not in 1970-01-01 + 0...65,534 days (kept aside).
    static let dayKeptAside: UInt16 = 0xFFFF
    private static let notRecorded: UInt64 = 0xFFF

    init(day: Day, type: SessionType, modality: Modality?, status: SessionStatus,
         scheduledMinutes: Int, attendedMinutes: Int?, staffField: UInt32) {
        let codes = UInt64(CaseSlot.of(status)) | UInt64(CaseSlot.of(type)) << 3 | UInt64(CaseSlot.of(modality)) << 6
        bits = UInt64(Self.dayField(day)) | Self.minutes(scheduledMinutes) << 16
            | (attendedMinutes.map(Self.minutes) ?? Self.notRecorded) << 28 | codes << 40 | UInt64(staffField) << 48
    }

    /// The day field of `day`: its offset from 1970-01-01, or `dayKeptAside`.
    static func dayField(_ day: Day) -> UInt16 {
        (0..<Int(dayKeptAside)).contains(day.ordinal) ? UInt16(day.ordinal) : dayKeptAside
    }

    private static func minutes(_ value: Int) -> UInt64 { UInt64(min(max(value, 0), Int(notRecorded) - 1)) }

    /// The day's offset from 1970-01-01, `dayKeptAside` when kept aside.
    var dayField: UInt16 { UInt16(truncatingIfNeeded: bits) }
    var scheduled: Int { Int(bits >> 16 & Self.notRecorded) }
    var attendedMinutes: Int? {
        let attended = bits >> 28 & Self.notRecorded
        return attended == Self.notRecorded ? nil : Int(attended)
    }
    var statusSlot: Int { Int(bits >> 40 & 0b111) }
    var typeSlot: Int { Int(bits >> 43 & 0b111) }
    var modalitySlot: Int { Int(bits >> 46 & 0b11) }
    var staffField: UInt32 { UInt32(bits >> 48) }

    /// The same session with another staff field (when rows are renumbered into another table).
    func withStaffField(_ field: UInt32) -> SessionRecord {
        var copy = self
        copy.bits = bits & 0x0000_FFFF_FFFF_FFFF | UInt64(field) << 48
        return copy
    }
}
