/// The text of a progress bar: the share done as a bar and a percentage, how many rows (or
/// pages) so far and how many a second, and the time left at that pace.
///
/// `sessions.csv  [#####...............]  25%  50,000 rows  25,000 rows/s  0:06 left`
enum ProgressText {
    /// Characters in the bar between its brackets.
    static let barWidth = 20

    /// - Parameters:
    ///   - done: the part done (bytes of the file read, pages drawn) out of `total`.
    ///   - count: the rows (or pages) done, counted in `unit`.
    ///   - elapsed: seconds since the work began.
    /// The share is rounded down, so 100% means finished; the rate is rounded to the nearest
    /// whole unit; the time left, `elapsed x (total - done) / done`, is rounded up to a second.
    /// Before anything is done (or within no measurable time) rate and time left are unknown.
    static func line(label: String, done: Int, total: Int, count: Int, unit: String, elapsed: Double) -> String {
        let total = max(total, 1), done = min(max(done, 0), total)
        let filled = done * barWidth / total
        let bar = "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: barWidth - filled) + "]"
        let percent = done * 100 / total
        var parts = [label, bar, "\(percent)%", "\(grouped(count)) \(unit)"]
        if done > 0, elapsed > 0 {
            parts.append("\(grouped(Int((Double(count) / elapsed).rounded()))) \(unit)/s")
            let left = (elapsed * Double(total - done) / Double(done)).rounded(.up)
            parts.append("\(clock(Int(left))) left")
        }
        return parts.joined(separator: "  ")
    }

    /// `1234567` as `1,234,567`.
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var groups: [Substring] = []
        var end = digits.endIndex
        while end > digits.startIndex {
            let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
            groups.insert(digits[start..<end], at: 0)
            end = start
        }
        return (value < 0 ? "-" : "") + groups.joined(separator: ",")
    }

    /// Seconds as `m:ss`, or `h:mm:ss` from an hour.
    static func clock(_ seconds: Int) -> String {
        let (hours, minutes, rest) = (seconds / 3600, seconds / 60 % 60, seconds % 60)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return hours > 0 ? "\(hours):\(two(minutes)):\(two(rest))" : "\(minutes):\(two(rest))"
    }
}
