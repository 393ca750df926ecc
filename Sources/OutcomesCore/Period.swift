/// A reporting period: every day from `from` to `to`, both included.
public struct Period: Hashable, Sendable, CustomStringConvertible {
    public let from: Day
    public let to: Day

    public init(from: Day, to: Day) {
        precondition(from <= to, "a period ends on or after its first day")
        self.from = from
        self.to = to
    }

    /// The calendar month containing `day`.
    public static func month(containing day: Day) -> Period {
        Period(from: day.startOfMonth, to: day.endOfMonth)
    }

    /// Parses `YYYY-MM` into that calendar month.
    public static func month(_ text: String) -> Period? {
        guard let first = Day(iso: text + "-01") else { return nil }
        return month(containing: first)
    }

    public func contains(_ day: Day) -> Bool { from <= day && day <= to }

    public var dayCount: Int { from.days(to: to) + 1 }

    /// The period of the same shape `months` months earlier or later: a calendar month maps to
    /// a calendar month, any other range is shifted day-for-day by the months' length.
    public func shifted(months: Int) -> Period {
        if isCalendarMonth {
            return Period.month(containing: from.adding(months: months))
        }
        let newFrom = from.adding(months: months)
        return Period(from: newFrom, to: newFrom.adding(days: dayCount - 1))
    }

    /// True when the period is exactly one calendar month.
    public var isCalendarMonth: Bool { from == from.startOfMonth && to == from.endOfMonth }

    /// The `count` calendar months ending with the month containing `to`, oldest first.
    public func trailingMonths(_ count: Int) -> [Period] {
        (0..<count).reversed().map { Period.month(containing: to.adding(months: -$0)) }
    }

    public var description: String { "\(from) to \(to)" }
}
