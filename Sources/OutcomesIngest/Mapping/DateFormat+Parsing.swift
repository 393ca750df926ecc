import OutcomesCore

/// A date, and the time and zone offset when the value carried them, as written.
struct WrittenDateTime: Hashable {
    var day: Day
    /// Minutes since midnight; nil when the value had no time.
    var minute: Int?
    /// The zone's offset from UTC in minutes; nil when the value had no zone.
    var offsetMinutes: Int?

    /// The calendar date in `zone`: a value with a time and an offset is moved to the zone's
    /// local time first; any other value keeps the date it was written with.
    func localDay(in zone: ProgramTimeZone?) -> Day {
        guard let zone, let offsetMinutes else { return day }
        let utcMinute = day.ordinal * 1440 + (minute ?? 0) - offsetMinutes
        let local = utcMinute + zone.offsetMinutes(atUTCMinute: utcMinute)
        return Day(ordinal: local >= 0 ? local / 1440 : (local - 1439) / 1440)
    }
}

extension DateFormat {
    /// Parses `bytes[range]` as a date in this format and returns its calendar date in `zone`
    /// (see `WrittenDateTime.localDay`); nil when it does not match or the date does not exist.
    func parse(_ bytes: [UInt8], _ range: Range<Int>, zone: ProgramTimeZone? = nil) -> Day? {
        var scanner = DateScanner(bytes: bytes, index: range.lowerBound, end: range.upperBound)
        let written = isISO8601 ? scanner.iso8601() : isISODate ? scanner.isoDate() : scanner.read(tokens)
        guard let written, scanner.index == scanner.end else { return nil }
        return written.localDay(in: zone)
    }

    /// Parses a string (convenience for tests and callers outside the CSV path).
    public func parse(_ text: String, zone: ProgramTimeZone? = nil) -> Day? {
        let bytes = Array(text.utf8)
        return parse(bytes, 0..<bytes.count, zone: zone)
    }
}

/// Reads date and time fields from bytes, left to right.
struct DateScanner {
    let bytes: [UInt8]
    var index: Int
    let end: Int

    private mutating func digits(min: Int, max: Int) -> Int? {
        var value = 0, count = 0
        while count < max, index < end, bytes[index] >= 48, bytes[index] <= 57 {
            value = value * 10 + Int(bytes[index] - 48)
            index += 1
            count += 1
        }
        return count >= min ? value : nil
    }

    private mutating func take(_ byte: UInt8) -> Bool {
        guard index < end, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    private mutating func meridiem() -> Int? {
        guard index + 1 < end, bytes[index + 1] | 0x20 == UInt8(ascii: "m") else { return nil }
        let letter = bytes[index] | 0x20
        guard letter == UInt8(ascii: "a") || letter == UInt8(ascii: "p") else { return nil }
        index += 2
        return letter == UInt8(ascii: "p") ? 12 : 0
    }

    /// `yyyy-MM-dd` (what `read` of those tokens reads) as a date without a time. Read by
    /// position, not through a list of tokens: most rows' dates are read here (measured: 540
    /// instructions a row through `read`, a seventh of a session row's checks).
    mutating func isoDate() -> WrittenDateTime? {
        guard end - index >= 10, bytes[index + 4] == UInt8(ascii: "-"), bytes[index + 7] == UInt8(ascii: "-") else {
            return nil
        }
        func number(_ offset: Int, _ count: Int) -> Int? {
            var value = 0
            for position in index + offset..<index + offset + count {
                let digit = bytes[position] &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                value = value * 10 + Int(digit)
            }
            return value
        }
        guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
              let date = Day(year: year, month: month, day: day) else { return nil }
        index += 10
        return WrittenDateTime(day: date, minute: nil, offsetMinutes: nil)
    }

    /// `Z`, `+hh:mm`, `+hhmm` or `+hh` as minutes east of UTC.
    private mutating func zone() -> Int? {
        if take(UInt8(ascii: "Z")) { return 0 }
        guard index < end, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") else { return nil }
        let sign = bytes[index] == UInt8(ascii: "-") ? -1 : 1
        index += 1
        guard let hours = digits(min: 2, max: 2), hours <= 14 else { return nil }
        _ = take(UInt8(ascii: ":"))
        let minutes = digits(min: 0, max: 2) ?? 0
        guard minutes < 60 else { return nil }
        return sign * (hours * 60 + minutes)
    }

    mutating func read(_ tokens: [DateFormat.Token]) -> WrittenDateTime? {
        var year = 0, month = 0, day = 0
        var hour: Int?, minute = 0, second = 0, pm: Int?, offset: Int?
        var twelveHour = false
        for token in tokens {
            switch token {
            case .year: guard let value = digits(min: 4, max: 4) else { return nil }; year = value
            case .month2: guard let value = digits(min: 2, max: 2) else { return nil }; month = value
            case .month: guard let value = digits(min: 1, max: 2) else { return nil }; month = value
            case .day2: guard let value = digits(min: 2, max: 2) else { return nil }; day = value
            case .day: guard let value = digits(min: 1, max: 2) else { return nil }; day = value
            case .hour2, .hour12two: guard let value = digits(min: 2, max: 2) else { return nil }; hour = value
            case .hour, .hour12: guard let value = digits(min: 1, max: 2) else { return nil }; hour = value
            case .minute2: guard let value = digits(min: 2, max: 2) else { return nil }; minute = value
            case .second2: guard let value = digits(min: 2, max: 2) else { return nil }; second = value
            case .fraction: guard digits(min: 1, max: 9) != nil else { return nil }
            case .meridiem: guard let value = meridiem() else { return nil }; pm = value
            case .zone: guard let value = zone() else { return nil }; offset = value
            case .literal(let byte): guard take(byte) else { return nil }
            }
            if token == .hour12 || token == .hour12two { twelveHour = true }
        }
        if twelveHour {
            guard let value = hour, (1...12).contains(value), let pm else { return nil }
            hour = value % 12 + pm
        }
        guard let date = Day(year: year, month: month, day: day), (hour ?? 0) < 24, minute < 60, second < 61 else { return nil }
        return WrittenDateTime(day: date, minute: hour.map { $0 * 60 + minute }, offsetMinutes: offset)
    }

    /// `yyyy-MM-dd` with an optional `THH:mm[:ss[.f]]` (or a space before the time) and zone.
    mutating func iso8601() -> WrittenDateTime? {
        guard var written = isoDate() else { return nil }
        guard take(UInt8(ascii: "T")) || take(UInt8(ascii: " ")) else { return index == end ? written : nil }
        guard let hour = digits(min: 2, max: 2), take(UInt8(ascii: ":")), let minute = digits(min: 2, max: 2),
              hour < 24, minute < 60 else { return nil }
        if take(UInt8(ascii: ":")) {
            guard let second = digits(min: 2, max: 2), second < 61 else { return nil }
            if take(UInt8(ascii: ".")) { guard digits(min: 1, max: 9) != nil else { return nil } }
        }
        written.minute = hour * 60 + minute
        if index < end {
            guard let offset = zone() else { return nil }
            written.offsetMinutes = offset
        }
        return written
    }
}
