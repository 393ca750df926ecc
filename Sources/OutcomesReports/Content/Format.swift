import Charts
import Foundation
import OutcomesAnalysis
import OutcomesCore

/// How numbers, periods and changes are written in reports.
enum Format {
    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                             "October", "November", "December"]

    /// 1,234 (−1,234 below zero), as the charts write it (`ValueFormat.fixed`).
    static func count(_ n: Int) -> String { ValueFormat.fixed(Double(n), decimals: 0) }

    /// "once", "twice", "3 times".
    static func times(_ n: Int) -> String {
        switch n {
        case 1: return "once"
        case 2: return "twice"
        default: return "\(count(n)) times"
        }
    }

    /// "1 crossing", "3 crossings": `n` and the noun, plural unless `n` is 1.
    static func counted(_ n: Int, _ noun: String) -> String { "\(count(n)) \(noun)\(n == 1 ? "" : "s")" }

    /// 81.2%.
    static func percent(_ value: Double, digits: Int = 1) -> String { number(value * 100, digits: digits) + "%" }

    /// 14.7, −5.7, 1,234.5, as the charts write it (`ValueFormat.fixed`); never "−0.0".
    static func number(_ value: Double, digits: Int = 1) -> String { ValueFormat.fixed(value, decimals: digits) }

    /// +0.3, −2.0, +1,099; 0.0 without a sign.
    static func signed(_ value: Double, digits: Int = 1) -> String {
        let text = number(value, digits: digits)
        return value > 0 && text != number(0, digits: digits) ? "+" + text : text
    }

    /// "October 2026", or "Nov 2025 – Oct 2026" for a range of whole months.
    static func period(_ period: Period) -> String {
        if period.isCalendarMonth { return "\(monthNames[period.from.month - 1]) \(period.from.year)" }
        if period.from == period.from.startOfMonth, period.to == period.to.endOfMonth {
            return "\(short(period.from)) – \(short(period.to))"
        }
        return "\(period.from) – \(period.to)"
    }

    /// The period as `analyze` takes it: "--period 2026-10" for a calendar month, else
    /// "--from 2026-07-01 --to 2026-09-30".
    static func periodArguments(_ period: Period) -> String {
        if period.isCalendarMonth { return "--period \(period.from.monthKey)" }
        return "--from \(period.from) --to \(period.to)"
    }

    /// "Oct 2026".
    static func short(_ day: Day) -> String { "\(monthNames[day.month - 1].prefix(3)) \(day.year)" }

    /// "Oct 26" for chart categories.
    static func monthLabel(_ period: Period) -> String {
        "\(monthNames[period.from.month - 1].prefix(3)) \(String(period.from.year).suffix(2))"
    }

    /// True for identifiers whose value is a proportion.
    static func isRate(_ value: MetricValue) -> Bool {
        if case .proportion = value { return true }
        return false
    }

    /// A metric's label from the registry, else the identifier.
    static func label(_ id: String) -> String { MetricRegistry.label(id) ?? id }
}
