/// A calendar date without a time of day or time zone, stored as days since 1970-01-01.
///
/// Every date in the domain (admission, session, assessment) is a `Day`: date arithmetic
/// is integer arithmetic, and no time zone can move a date across midnight.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01 (negative before it).
    public let ordinal: Int

    public init(ordinal: Int) { self.ordinal = ordinal }

    /// The day for a proleptic Gregorian year, month (1-12) and day (1-31); nil when it does not exist.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Day.daysIn(month: month, year: year) else { return nil }
        self.ordinal = Day.daysFromCivil(year: year, month: month, day: day)
    }

    /// Parses `YYYY-MM-DD` exactly (ISO 8601 calendar date); nil for anything else.
    public init?(iso text: some StringProtocol) {
        var copy = String(text)
        guard let day = copy.withUTF8({ Day(isoUTF8: $0) }) else { return nil }
        self = day
    }

    /// Parses `YYYY-MM-DD` from UTF-8 bytes, without allocating. Each field is read digit by digit
    /// at its place, with no loop: every episode's dates are parsed before each load (its episode
    /// index), where a loop per field took 300 instructions a date.
    public init?(isoUTF8 bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        // A byte minus "0" is a digit when it is below 10 as an unsigned byte (bytes below "0" wrap around).
        func digit(_ index: Int) -> Int? {
            let value = bytes[index] &- UInt8(ascii: "0")
            return value < 10 ? Int(value) : nil
        }
        guard let y0 = digit(0), let y1 = digit(1), let y2 = digit(2), let y3 = digit(3),
              let m0 = digit(5), let m1 = digit(6), let d0 = digit(8), let d1 = digit(9)
        else { return nil }
        self.init(year: y0 * 1000 + y1 * 100 + y2 * 10 + y3, month: m0 * 10 + m1, day: d0 * 10 + d1)
    }

    public var year: Int { civil.year }
    public var month: Int { civil.month }
    public var day: Int { civil.day }

    /// `YYYY-MM-DD`.
    public var description: String {
        let (y, m, d) = civil
        guard (0...9999).contains(y) else { return "\(Day.pad(y, 4))-\(Day.pad(m, 2))-\(Day.pad(d, 2))" }
        // Written byte by byte: dates are formatted for every stored row.
        return String(unsafeUninitializedCapacity: 10) { buffer in
            let digits = [y / 1000, y / 100 % 10, y / 10 % 10, y % 10, -1, m / 10, m % 10, -1, d / 10, d % 10]
            for (index, digit) in digits.enumerated() {
                buffer[index] = digit < 0 ? UInt8(ascii: "-") : UInt8(48 + digit)
            }
            return 10
        }
    }

    /// `YYYY-MM`, the calendar month this day falls in.
    public var monthKey: String { "\(Day.pad(year, 4))-\(Day.pad(month, 2))" }

    public func adding(days: Int) -> Day { Day(ordinal: ordinal + days) }

    /// Whole days from `self` to `other` (positive when `other` is later).
    public func days(to other: Day) -> Int { other.ordinal - ordinal }

    /// The first day of this day's month.
    public var startOfMonth: Day { Day(ordinal: ordinal - day + 1) }

    /// The last day of this day's month.
    public var endOfMonth: Day { Day(ordinal: ordinal - day + Day.daysIn(month: month, year: year)) }

    /// The same day-of-month `months` later (clamped to the month's last day).
    public func adding(months: Int) -> Day {
        let total = year * 12 + (month - 1) + months
        let y = total >= 0 ? total / 12 : (total - 11) / 12
        let m = total - y * 12 + 1
        let d = min(day, Day.daysIn(month: m, year: y))
        return Day(ordinal: Day.daysFromCivil(year: y, month: m, day: d))
    }

    /// Today's date in UTC from the system clock.
    public static func today(secondsSince1970: Double) -> Day {
        Day(ordinal: Int((secondsSince1970 / 86_400).rounded(.down)))
    }

    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.ordinal < rhs.ordinal }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // Howard Hinnant's days_from_civil / civil_from_days.
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    private var civil: (year: Int, month: Int, day: Int) {
        let z = ordinal + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
