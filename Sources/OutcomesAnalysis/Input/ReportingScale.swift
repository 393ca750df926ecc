import OutcomesCore

/// What putting a stored total on an instrument's reporting scale needs, without the rest of
/// the instrument (read once per instrument code, not once per assessment).
struct ReportingScale: Sendable {
    let decimals: Int
    let totalRange: ClosedRange<Score>
    let reportingFactor: Score
    /// `totalRange` in units at `decimals` places, when both its bounds are exact there: a total
    /// stored at those places (nearly every one) is checked against it as it is, not rescaled and
    /// compared with the bounds as scores (putting totals on their scales, 3.9% of an
    /// accreditation packet's instructions, is 2.2% this way).
    private let unitRange: ClosedRange<Int64>?

    init(_ instrument: Instrument) {
        decimals = instrument.decimals
        totalRange = instrument.totalRange
        reportingFactor = instrument.reportingFactor
        if let lower = totalRange.lowerBound.rescaled(to: decimals)?.units,
           let upper = totalRange.upperBound.rescaled(to: decimals)?.units {
            unitRange = lower...upper
        } else {
            unitRange = nil
        }
    }

    /// The stored total on the reporting scale; nil for a total the instrument's current
    /// definition cannot hold (outside its total range or more precise than its decimals: the
    /// instrument file changed since the load).
    func reported(stored total: Score) -> Score? {
        if total.decimals == decimals, let unitRange {
            return unitRange.contains(total.units) ? total * reportingFactor : nil
        }
        guard let total = total.rescaled(to: decimals), totalRange.contains(total) else { return nil }
        return total * reportingFactor
    }
}
