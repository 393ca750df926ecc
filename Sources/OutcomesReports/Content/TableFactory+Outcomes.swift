import OutcomesAnalysis
import OutcomesCore

extension TableFactory {
    func outcomes() -> [LayoutItem] {
        let list = (overall?.outcomes ?? []).filter { $0.episodesWithScores > 0 }
        guard !list.isEmpty else { return [.paragraph("No discharges with symptom scores in \(periodText).", small: true)] }
        let columns: [ReportTable.Column] = [
            .init("Instrument", 1.15, .start), .init("Outcome pairs", 1), .init("Mean change", 1.45),
            .init("Reliably improved", 1.15), .init("Reliably worse", 1.15),
            .init("Recovery", 1), .init("Response", 1), .init("Remission", 1),
        ]
        var rows = list.map(outcomeRow)
        if let combined = overall?.combined, combined.pairs > 0 {
            let pairs = TableCell(privacy.count(combined.pairs), detail: "of \(privacy.count(combined.episodesWithBothScores)) with both")
            rows.append([TableCell("PHQ-9 and GAD-7 combined"), pairs, "",
                         privacy.rate(combined.reliablyImproved, combined.pairs), privacy.rate(combined.reliablyDeteriorated, combined.pairs),
                         privacy.rate(combined.recovered, combined.casesAtBaseline), "", ""])
        }
        let note = """
            Discharges in \(periodText). Pairs: a baseline within 14 days of admission and a final score at least 7 days later, \
            of the discharges with a score on the instrument; the rest are counted as "no outcome pair". Change is final minus \
            baseline (negative is improvement), under it the mean baseline → mean final and the 95% CI. Recovery, response and remission count only cases at baseline. \
            Blank: the instrument defines no such rule.
            """ + privacyNote
        return [.table(ReportTable(columns: columns, rows: rows, note: note))]
    }

    private func outcomeRow(_ outcome: SymptomOutcome) -> [TableCell] {
        let n = outcome.pairs.count
        let instrument = outcome.instrument
        var pairs = privacy.rate(n, outcome.episodesWithScores)
        pairs.text = privacy.count(n)
        pairs.detail = "of \(privacy.count(outcome.episodesWithScores)) scored"
        let hidden = privacy.hides(n) || n == 0
        let means = "\(Format.number(outcome.baseline.mean ?? 0)) → \(Format.number(outcome.final.mean ?? 0))"
        let ci = outcome.change.ciLow.map { "; CI \(Format.number($0)) to \(Format.number(outcome.change.ciHigh ?? 0))" } ?? ""
        let change: TableCell = hidden || outcome.change.mean == nil ? "–" : TableCell(
            Format.signed(outcome.change.mean ?? 0), detail: means + ci)
        let hasThreshold = outcome.threshold != nil
        return [
            TableCell(instrument.code), pairs, change,
            hasThreshold ? privacy.rate(outcome.improved, n) : "", hasThreshold ? privacy.rate(outcome.deteriorated, n) : "",
            instrument.casenessCutoff != nil ? privacy.rate(outcome.recovered, outcome.casesAtBaseline) : "",
            instrument.responseFraction != nil ? privacy.rate(outcome.responders, outcome.casesAtBaseline) : "",
            instrument.remissionBelow != nil ? privacy.rate(outcome.remitted, outcome.casesAtBaseline) : "",
        ]
    }

    func severityShift(_ request: TableRequest) -> [LayoutItem] {
        guard let outcome = overall?.outcome(request.instrument ?? "PHQ-9"), let shift = outcome.severityShift, !outcome.pairs.isEmpty else {
            return [.paragraph("No outcome pairs in \(periodText).", small: true)]
        }
        let table = privacy.external ? SmallCellSuppression.suppress(shift.counts).cells.map { $0.map(\.displayText) }
            : shift.counts.map { $0.map(Format.count) }
        let columns = [ReportTable.Column("Baseline \\ final", 1.6, .start)] + shift.bands.map { ReportTable.Column($0, 1) }
        let rows = shift.bands.indices.map { [TableCell(shift.bands[$0])] + table[$0].map { TableCell($0) } }
        return [.table(ReportTable(columns: columns, rows: rows))]
    }

    func goalsByDomain() -> ReportTable {
        let domains = overall?.goals.byDomain ?? []
        let rows = domains.map { domain -> [TableCell] in
            [TableCell(domain.domain.replacingOccurrences(of: "_", with: " ").capitalized), TableCell(privacy.count(domain.goals)),
             privacy.hides(domain.goals) ? "–" : TableCell(domain.meanLevel.map { Format.signed($0, digits: 2) } ?? "–"),
             privacy.rate(domain.atOrAboveExpected, domain.goals)]
        }
        return ReportTable(columns: [.init("Goal domain", 2.4, .start), .init("Rated goals", 1), .init("Mean attained level", 1.2),
                                     .init("At expected level or better", 1.5)],
                           rows: rows, note: "Goal Attainment Scaling levels −2 (much less than expected) to +2 (much more); 0 is the expected outcome.")
    }
}
