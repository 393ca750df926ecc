import OutcomesAnalysis
import OutcomesCore

/// Builds the tables a definition asks for, with the audience's small-cell rules.
struct TableFactory {
    let inputs: ReportInputs
    let privacy: Privacy
    let definition: ReportDefinition
    let contents: [(String, Int)]

    var overall: CohortResult? { inputs.overall }

    /// A metric of the overall cohort, as `analyze` prints it: tables read figures here, never recount them.
    func metric(_ id: String) -> MetricValue? { overall?.metrics[id] }

    /// A metric of the overall cohort as a cell, with the audience's small-cell rules.
    func metricCell(_ id: String) -> TableCell { privacy.cell(id) }
    var periodText: String { Format.period(inputs.period) }

    /// Said under every table of an external report that may withhold figures.
    var privacyNote: String {
        privacy.external ? " " + Self.withheldNote : ""
    }

    func items(for request: TableRequest) -> [LayoutItem] {
        switch request.kind {
        case .census: return [.table(census())]
        case .dischargeReasons: return [.table(dischargeReasons())]
        case .outcomes: return outcomes()
        case .severityShift: return severityShift(request)
        case .goalsByDomain: return [.table(goalsByDomain())]
        case .relapse: return relapse()
        case .equity: return equity(request)
        case .watchList: return watchList(maxRows: request.maxRows)
        case .instruments: return [.heading("Instruments", level: 2), .table(instruments())]
        case .definitions:
            return [.heading("Metric definitions", level: 2), .table(definitions())] + (privacy.external ? Self.disclosureStatement : [])
        case .completeness: return completeness()
        case .provenance: return provenance()
        case .contents: return [.table(contentsTable())]
        case .nationalReference: return nationalReference()
        }
    }

    func census() -> ReportTable {
        guard let census = overall?.census else { return ReportTable(columns: [], rows: []) }
        var rows: [[TableCell]] = [
            ["Admissions", metricCell(MetricID.admissions)],
            ["Discharges", metricCell(MetricID.discharges)],
            ["Active at the end of the period", metricCell(MetricID.activeEnd)],
            ["Patient-days", metricCell(MetricID.patientDays)],
        ]
        let n = census.lengthsOfStay.count
        let nMark = privacy.mark(.current(MetricID.losMedian, .n), n)
        if let median = census.losMedian, !nMark.isWithheld {
            rows.append(["Length of stay of discharges, median (IQR)",
                         TableCell("\(Format.number(median, digits: 0)) days",
                                   detail: "IQR \(Format.number(census.losQ1 ?? 0, digits: 0))–\(Format.number(census.losQ3 ?? 0, digits: 0)), n = \(Format.count(n))")])
        } else {
            rows.append(["Length of stay of discharges, median (IQR)",
                         TableCell("–", detail: census.discharges == 0 ? "no discharges" : "n = \(nMark.label ?? Format.count(n))")])
        }
        return ReportTable(columns: [.init("Census, \(periodText)", 3, .start), .init("Figure", 1.4)], rows: rows)
    }

    func dischargeReasons() -> ReportTable {
        let reasons = overall?.census.dischargeReasons ?? []
        let total = reasons.reduce(0) { $0 + $1.count }
        let totalCount = ReportDisclosure.Count.current(MetricID.discharges, .n)
        let totalMark = privacy.mark(totalCount, total)
        var rows = reasons.map { reason -> [TableCell] in
            let count = ReportDisclosure.Count.current(MetricID.dischargeReason(reason.category), .num)
            let mark = privacy.mark(count, reason.count)
            // A share beside a withheld count, or of a withheld total, would give it back
            let share = total > 0 && !mark.isWithheld && !totalMark.isWithheld
                ? Format.percent(Double(reason.count) / Double(total), digits: 0) : "–"
            return [TableCell(Words.dischargeReason(reason.category)), TableCell(mark.label ?? Format.count(reason.count)), TableCell(share)]
        }
        rows.append([TableCell("All discharges", bold: true), TableCell(totalMark.label ?? Format.count(total), bold: true), "100%"])
        return ReportTable(columns: [.init("Discharge reason", 3, .start), .init("Discharges", 1.2), .init("Share", 1)], rows: rows,
                           note: privacy.external ? Self.withheldNote : nil)
    }

    /// Said under every table of an external report that may withhold figures (SPEC section 6 wording).
    static let withheldNote = "Counts of 1 to 10 show as <11; a figure withheld only so that such a count cannot be worked out "
        + "shows as suppressed; a rate either of whose counts is withheld shows as withheld."

    /// What the small-count rules of an external report guarantee, and what they do not (SPEC
    /// section 6), for its methods appendix.
    static let disclosureStatement: [LayoutItem] = [
        .heading("Small counts", level: 2),
        .paragraph("""
            Every count of 1 to 10 in this document is shown as <11. Where such a count could otherwise be worked out \
            from other figures in this document (a total and its parts, a rate and its numerator and denominator, pairs \
            and discharges without a pair, the months of a trend and their period, the numbers and bars of a chart), \
            further figures of 11 or more are withheld and shown as suppressed, a rate either of whose counts is withheld \
            shows as withheld, and charts draw no point, limit, n or total that depends on a withheld count.
            """, small: false),
        .paragraph("""
            What is guaranteed: the whole document was checked as one: no count withheld on any page can be worked out \
            from the rest of this document. Only where every figure tied to a withheld count is itself 1 to 10 or 0 can \
            the document narrow its range (say to 2 to 10), never to one value. What is not guaranteed: figures from \
            different outputs were protected separately. Combining this document with another report, another period \
            or another run of the tool can reveal a withheld count: do not combine them.
            """, small: false),
    ]

    func contentsTable() -> ReportTable {
        let rows = definition.sections.enumerated().compactMap { index, section -> [TableCell]? in
            guard section.blocks.allSatisfy({ if case .table(let t) = $0 { return t.kind != .contents } else { return true } }) else { return nil }
            let page = contents.first { $0.0 == section.title }?.1
            return [TableCell("\(index). \(section.title)"), TableCell(page.map(String.init) ?? "–")]
        }
        return ReportTable(columns: [.init("Section", 6, .start), .init("Page", 1)], rows: rows)
    }
}
