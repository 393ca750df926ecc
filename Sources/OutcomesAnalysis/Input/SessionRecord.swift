import OutcomesCore

/// One session as `SessionColumns` keeps it: 12 bytes.
///
/// Minutes are 16-bit (ingest allows 0 to 1,440; a larger value is clamped to 65,534) with
/// 65,535 for attended minutes not recorded. The staff index takes the low 24 bits of
/// `staffAndCodes` and the codes' `CaseSlot` positions the high 8: status in 3 bits, type in 3,
/// modality in 2.
struct SessionRecord: Sendable {
    var day: Int32
    var staffAndCodes: UInt32
    var scheduled: UInt16
    var attended: UInt16

    /// The staff field of a session without staff.
    static let noStaff: UInt32 = 0xFF_FFFF
    /// The staff field of a session whose staff index does not fit in 24 bits (kept aside).
    static let staffKeptAside: UInt32 = 0xFF_FFFE
    private static let notRecorded: UInt16 = .max

    init(day: Day, type: SessionType, modality: Modality?, status: SessionStatus,
         scheduledMinutes: Int, attendedMinutes: Int?, staffField: UInt32) {
        self.day = Int32(truncatingIfNeeded: day.ordinal)
        let codes = UInt32(CaseSlot.of(status)) | UInt32(CaseSlot.of(type)) << 3 | UInt32(CaseSlot.of(modality)) << 6
        staffAndCodes = staffField | codes << 24
        scheduled = Self.minutes(scheduledMinutes)
        attended = attendedMinutes.map(Self.minutes) ?? Self.notRecorded
    }

    private static func minutes(_ value: Int) -> UInt16 { UInt16(clamping: min(max(value, 0), Int(notRecorded) - 1)) }

    var staffField: UInt32 { staffAndCodes & 0xFF_FFFF }
    var statusSlot: Int { Int(staffAndCodes >> 24 & 0b111) }
    var typeSlot: Int { Int(staffAndCodes >> 27 & 0b111) }
    var modalitySlot: Int { Int(staffAndCodes >> 30) }
    var attendedMinutes: Int? { attended == Self.notRecorded ? nil : Int(attended) }

    /// The same session with another staff field (when rows are renumbered into another table).
    func withStaffField(_ field: UInt32) -> SessionRecord {
        var copy = self
        copy.staffAndCodes = staffAndCodes & 0xFF00_0000 | field
        return copy
    }
}
