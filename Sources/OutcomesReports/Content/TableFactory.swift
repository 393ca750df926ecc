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
    func metricCell(_ id: String) -> TableCell { privacy.cell(metric(id), id: id) }
    var periodText: String { Format.period(inputs.period) }

    /// Said under every table of an external report that may withhold figures.
    var privacyNote: String {
        privacy.external ? " Withheld: a rate whose numerator or denominator is 1 to 10; such counts show as <11." : ""
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
        case .watchList: return watchList()
        case .instruments: return [.heading("Instruments", level: 2), .table(instruments())]
        case .definitions: return [.heading("Metric definitions", level: 2), .table(definitions())]
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
        if let median = census.losMedian, !privacy.hides(census.lengthsOfStay.count) {
            rows.append(["Length of stay of discharges, median (IQR)",
                         TableCell("\(Format.number(median, digits: 0)) days",
                                   detail: "IQR \(Format.number(census.losQ1 ?? 0, digits: 0))–\(Format.number(census.losQ3 ?? 0, digits: 0)), n = \(Format.count(census.lengthsOfStay.count))")])
        } else {
            rows.append(["Length of stay of discharges, median (IQR)", TableCell("–", detail: census.discharges == 0 ? "no discharges" : "n <11")])
        }
        return ReportTable(columns: [.init("Census, \(periodText)", 3, .start), .init("Figure", 1.4)], rows: rows)
    }

    func dischargeReasons() -> ReportTable {
        let reasons = overall?.census.dischargeReasons ?? []
        let total = reasons.reduce(0) { $0 + $1.count }
        let cells: [String]
        let totalText: String
        if privacy.external {
            let list = SmallCellSuppression.suppress(reasons.map(\.count))
            cells = list.cells.map(\.displayText)
            totalText = list.total?.displayText ?? privacy.count(total)
        } else {
            cells = reasons.map { Format.count($0.count) }
            totalText = Format.count(total)
        }
        var rows = zip(reasons, cells).map { reason, text -> [TableCell] in
            [TableCell(Words.dischargeReason(reason.category)), TableCell(text),
             TableCell(total > 0 && text != Privacy.hidden ? Format.percent(Double(reason.count) / Double(total), digits: 0) : "–")]
        }
        rows.append([TableCell("All discharges", bold: true), TableCell(totalText, bold: true), "100%"])
        return ReportTable(columns: [.init("Discharge reason", 3, .start), .init("Discharges", 1.2), .init("Share", 1)], rows: rows,
                           note: privacy.external ? "Counts of 1 to 10 and the cells that would reveal them are shown as <11." : nil)
    }

    func contentsTable() -> ReportTable {
        let rows = definition.sections.enumerated().compactMap { index, section -> [TableCell]? in
            guard section.blocks.allSatisfy({ if case .table(let t) = $0 { return t.kind != .contents } else { return true } }) else { return nil }
            let page = contents.first { $0.0 == section.title }?.1
            return [TableCell("\(index). \(section.title)"), TableCell(page.map(String.init) ?? "–")]
        }
        return ReportTable(columns: [.init("Section", 6, .start), .init("Page", 1)], rows: rows)
    }
}
