import Foundation

/// The program's local time zone (an IANA name such as `America/Chicago`): the zone whose
/// calendar date counts when a date-time carries an offset.
public struct ProgramTimeZone: Hashable, Sendable, CustomStringConvertible {
    private let zone: TimeZone

    /// The zone named `identifier`; nil when the system does not know it.
    public init?(identifier: String) {
        guard let zone = TimeZone(identifier: identifier) else { return nil }
        self.zone = zone
    }

    public var description: String { zone.identifier }

    /// The zone's offset from UTC, in minutes, at `minute` minutes after 1970-01-01T00:00Z
    /// (daylight saving time included).
    func offsetMinutes(atUTCMinute minute: Int) -> Int {
        zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(minute) * 60)) / 60
    }
}
