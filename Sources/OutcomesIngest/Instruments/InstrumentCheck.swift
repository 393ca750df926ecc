import OutcomesCore
import Yams

/// The rules a complete instrument entry must keep (SPEC section 4), checked before any row is
/// read; each error names the file and the line of the key that breaks the rule.
///
/// - `decimals` 0 to 3; every item value, step and total bound has at most that many decimals.
/// - Ranges ordered (`[low, high]`), every value within +/- `Score.limit`, the items' extremes
///   summed within it too, and the reporting scale (total x `reporting_factor`) within it.
/// - `reporting_factor` above 0 and at most 1000, with at most 6 - `decimals` decimals.
/// - Bands, caseness and `remission_below` within the reporting range; bands in order and not
///   overlapping (each `from` above the previous `to`).
/// - `reliable_change` points above 0 and at most the width of the reporting range;
///   `reliability` and `response_fraction` strictly between 0 and 1.
struct InstrumentCheck {
    /// The most decimal places an instrument's responses and totals may have.
    static let maxDecimals = 3
    /// The largest reporting factor (WHO-5 uses 4).
    static let maxReportingFactor: Score = 1000

    let document: YAMLDocument
    let entry: Node
    /// The entry's node for a key, when the entry gives it (an override may not).
    let given: (String) -> Node?

    func check(_ instrument: Instrument) throws {
        try checkItems(instrument)
        try checkReportingScale(instrument)
        let total = instrument.totalRange
        let reporting = instrument.reported(total.lowerBound)...instrument.reported(total.upperBound)
        try checkBands(instrument, within: reporting)
        try checkCutoffs(instrument, within: reporting)
    }

    private func fail(_ key: String, _ instrument: Instrument, _ message: String) -> IngestFileError {
        document.error(given(key) ?? entry, "\(instrument.code): \(message)")
    }

    private func checkItems(_ instrument: Instrument) throws {
        let places = instrument.decimals
        let count = instrument.itemCount
        for (index, values) in instrument.itemValues.enumerated() {
            let parts = (values.list ?? [values.lowest, values.highest]) + (values.step.map { [$0] } ?? [])
            if let bad = parts.first(where: { $0.rescaled(to: places) == nil }) {
                throw fail("items", instrument,
                           "item \(index + 1) value \(bad) has more than \(places) decimal places")
            }
        }
        let extremes = instrument.itemValues.reduce(0.0) { sum, values in
            sum + max(abs(values.lowest.doubleValue), abs(values.highest.doubleValue))
        }
        guard extremes <= Double(Score.limit) else {
            throw fail("items", instrument, "the items can add up to \(extremes), beyond +/- \(Score.limit)")
        }
        let total = instrument.totalRange
        if let bad = [total.lowerBound, total.upperBound].first(where: { $0.rescaled(to: places) == nil }) {
            throw fail("total_range", instrument, "total bound \(bad) has more than \(places) decimal places")
        }
        if let bad = instrument.reverseScoredItems.sorted().first(where: { !(1...count).contains($0) }) {
            throw document.error(entry,
                                 "\(instrument.code): reverse-scored item \(bad) is not an item from 1 to \(count)")
        }
        if case .prorate(let max) = instrument.missingItemRule, max >= count {
            throw document.error(entry, "\(instrument.code): max_missing must be below the item count \(count)")
        }
    }

    private func checkReportingScale(_ instrument: Instrument) throws {
        let factor = instrument.reportingFactor
        guard factor > 0, factor <= Self.maxReportingFactor else {
            throw fail("reporting_factor", instrument,
                       "reporting_factor must be above 0 and at most \(Self.maxReportingFactor)")
        }
        guard instrument.decimals + factor.decimals <= Score.maxDecimals else {
            throw fail("reporting_factor", instrument,
                       "reporting_factor may have at most \(Score.maxDecimals - instrument.decimals) decimals here")
        }
        let range = instrument.totalRange
        let widest = max(abs(range.lowerBound.doubleValue), abs(range.upperBound.doubleValue)) * factor.doubleValue
        guard widest <= Double(Score.limit) else {
            throw fail("reporting_factor", instrument,
                       "the reporting scale reaches \(widest), beyond +/- \(Score.limit)")
        }
    }

    private func checkBands(_ instrument: Instrument, within reporting: ClosedRange<Score>) throws {
        let nodes = given("bands").flatMap { node -> [Node]? in
            if case .sequence(let sequence) = node { return Array(sequence) }
            return nil
        } ?? []
        let fail = { (index: Int, message: String) -> IngestFileError in
            let node = index < nodes.count ? nodes[index] : (given("bands") ?? entry)
            return document.error(node, "\(instrument.code): \(message)")
        }
        for (index, band) in instrument.bands.enumerated() {
            guard reporting.contains(band.lower), reporting.contains(band.upper) else {
                throw fail(index, "band '\(band.label)' \(band.lower)-\(band.upper) is outside the reporting range "
                           + "\(reporting.lowerBound)...\(reporting.upperBound)")
            }
            if index > 0, band.lower <= instrument.bands[index - 1].upper {
                let previous = instrument.bands[index - 1]
                throw fail(index, "band '\(band.label)' must start above the end of '\(previous.label)' "
                           + "(\(previous.upper)): bands are in order and do not overlap")
            }
        }
    }

    private func checkCutoffs(_ instrument: Instrument, within reporting: ClosedRange<Score>) throws {
        let range = "the reporting range \(reporting.lowerBound)...\(reporting.upperBound)"
        if let cutoff = instrument.casenessCutoff, !reporting.contains(cutoff) {
            throw fail("caseness", instrument, "caseness \(cutoff) is outside \(range)")
        }
        if let remission = instrument.remissionBelow, !reporting.contains(remission) {
            throw fail("remission_below", instrument, "remission_below \(remission) is outside \(range)")
        }
        let width = reporting.upperBound - reporting.lowerBound
        if let points = instrument.reliableChangePoints, !(points > 0 && points <= width) {
            throw fail("reliable_change", instrument,
                       "reliable_change points must be above 0 and at most \(width), the width of \(range)")
        }
        if let reliability = instrument.reliability, !(reliability > 0 && reliability < 1) {
            throw fail("reliability", instrument, "reliability must be between 0 and 1, both excluded")
        }
        if let fraction = instrument.responseFraction, !(fraction > 0 && fraction < 1) {
            throw fail("response_fraction", instrument, "response_fraction must be between 0 and 1, both excluded")
        }
    }
}
