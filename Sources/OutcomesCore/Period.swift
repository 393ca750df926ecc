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

    /// The period of the same shape `months` months earlier or later: a period of whole calendar
    /// months (a month, a quarter, a year) maps to whole calendar months; any other range moves
    /// day for day, keeping its length. The one shift rule of trends, elapsed cohorts and
    /// previous periods.
    public func shifted(months: Int) -> Period {
        if isWholeMonths {
            return Period(from: from.adding(months: months), to: to.startOfMonth.adding(months: months).endOfMonth)
        }
        let newFrom = from.adding(months: months)
        return Period(from: newFrom, to: newFrom.adding(days: dayCount - 1))
    }

    /// The period just before this one, of the same shape: the previous month, quarter or
    /// twelve months for whole calendar months (Q1 2026 gives Q4 2025), else the same number
    /// of days ending the day before `from`.
    public var previous: Period {
        if isWholeMonths { return shifted(months: -monthCount) }
        return Period(from: from.adding(days: -dayCount), to: from.adding(days: -1))
    }

    /// True when the period starts on a first and ends on a last day of a month.
    public var isWholeMonths: Bool { from == from.startOfMonth && to == to.endOfMonth }

    /// Calendar months touched by the period (3 for a quarter).
    public var monthCount: Int { (to.year - from.year) * 12 + to.month - from.month + 1 }

    /// True when the period is exactly one calendar month.
    public var isCalendarMonth: Bool { from == from.startOfMonth && to == from.endOfMonth }

    /// The `count` calendar months ending with the month containing `to`, oldest first.
    public func trailingMonths(_ count: Int) -> [Period] {
        (0..<count).reversed().map { Period.month(containing: to.adding(months: -$0)) }
    }

    public var description: String { "\(from) to \(to)" }
}
