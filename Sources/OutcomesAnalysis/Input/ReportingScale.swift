import OutcomesCore

/// What putting a stored total on an instrument's reporting scale needs, without the rest of
/// the instrument (read once per instrument code, not once per assessment).
struct ReportingScale: Sendable {
    let decimals: Int
    let totalRange: ClosedRange<Score>
    let reportingFactor: Score

    init(_ instrument: Instrument) {
        decimals = instrument.decimals
        totalRange = instrument.totalRange
        reportingFactor = instrument.reportingFactor
    }

    /// The stored total on the reporting scale; nil for a total the instrument's current
    /// definition cannot hold (outside its total range or more precise than its decimals: the
    /// instrument file changed since the load).
    func reported(stored total: Score) -> Score? {
        guard let total = total.rescaled(to: decimals), totalRange.contains(total) else { return nil }
        return total * reportingFactor
    }
}
