extension DateFormat {
    /// Formats EHR exports write dates in, tried in this order when a value is not in its
    /// column's format: ISO 8601 with a time (`2026-10-03 00:00:00.000`, `2026-10-03T09:30:00Z`),
    /// then US and day-first forms, with and without a time.
    static let guesses: [DateFormat] = ["iso8601", "MM/dd/yyyy", "M/d/yyyy", "MM/dd/yyyy hh:mm a", "M/d/yyyy h:mm a",
                                        "MM/dd/yyyy HH:mm", "M/d/yyyy H:mm", "dd/MM/yyyy", "dd.MM.yyyy", "yyyyMMdd"]
        .compactMap(DateFormat.init)

    /// The first of `guesses`, other than this format, that reads `bytes[range]` as a date; nil
    /// when none does.
    func guess(_ bytes: [UInt8], _ range: Range<Int>) -> DateFormat? {
        Self.guesses.first { $0 != self && $0.parse(bytes, range) != nil }
    }
}
