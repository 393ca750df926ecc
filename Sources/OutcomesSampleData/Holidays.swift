import OutcomesCore

/// US federal holidays on which the programs close (every session that day is cancelled by the program).
enum Holidays {
    /// True when `day` is New Year's Day, Martin Luther King Jr. Day, Memorial Day, Juneteenth,
    /// Independence Day, Labor Day, Thanksgiving or Christmas Day (observed dates not shifted).
    static func isHoliday(_ day: Day) -> Bool {
        let (month, date, weekday) = (day.month, day.day, day.weekday)
        switch (month, date) {
        case (1, 1), (6, 19), (7, 4), (12, 25): return true
        default: break
        }
        let nth = (date - 1) / 7 + 1
        switch month {
        case 1: return weekday == 0 && nth == 3
        case 5: return weekday == 0 && date + 7 > 31
        case 9: return weekday == 0 && nth == 1
        case 11: return weekday == 3 && nth == 4
        default: return false
        }
    }
}
