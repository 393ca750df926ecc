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
        var rows = list.map { outcomeRow($0.instrument.code) }
        let combined = MetricID.outcome(MetricID.combined, "pairs")
        if case .proportion(_, let pairs, let scored)? = metric(combined), pairs > 0 {
            let cell = TableCell(privacy.count(.current(combined, .num), pairs),
                                 detail: "of \(privacy.count(.current(combined, .den), scored)) with both")
            rows.append([TableCell("PHQ-9 and GAD-7 combined"), cell, ""] + Self.outcomeRates.map { name in
                name == "response_rate" || name == "remission_rate" ? "" : metricCell(MetricID.outcome(MetricID.combined, name))
            })
        }
        let note = """
            Discharges in \(periodText). Pairs: a baseline within 14 days of admission and a final score at least 7 days later, \
            of the discharges with a score on the instrument; the rest are counted as "no outcome pair". Change is final minus \
            baseline (negative is improvement), under it the mean baseline → mean final and the 95% CI. Recovery, response and remission count only cases at baseline. \
            Blank: the instrument defines no such rule.
            """ + privacyNote
        return [.table(ReportTable(columns: columns, rows: rows, note: note))]
    }

    /// The rate columns of the outcomes table, by metric name.
    static let outcomeRates = ["reliable_improvement_rate", "reliable_deterioration_rate", "recovery_rate", "response_rate",
                               "remission_rate"]

    /// One instrument's row, every figure read from the cohort's metrics; a rate the instrument
    /// does not define is blank.
    private func outcomeRow(_ code: String) -> [TableCell] {
        let id = { (name: String) in MetricID.outcome(code, name) }
        guard case .proportion(_, let n, let scored)? = metric(id("pairs")) else { return [TableCell(code)] }
        let pairs = TableCell(privacy.count(.current(id("pairs"), .num), n),
                              detail: "of \(privacy.count(.current(id("pairs"), .den), scored)) scored")
        let change: TableCell
        if case .statistic(let mean?, let pairCount, let low, let high)? = metric(id("mean_change")), pairCount > 0,
           !privacy.mark(.current(id("mean_change"), .n), pairCount).isWithheld {
            let means = "\(Format.number(metric(id("mean_baseline"))?.value ?? 0)) → \(Format.number(metric(id("mean_final"))?.value ?? 0))"
            let ci = low.map { "; CI \(Format.number($0)) to \(Format.number(high ?? 0))" } ?? ""
            change = TableCell(Format.signed(mean), detail: means + ci)
        } else {
            change = "–"
        }
        return [TableCell(code), pairs, change] + Self.outcomeRates.map { metric(id($0)) == nil ? "" : metricCell(id($0)) }
    }

    func severityShift(_ request: TableRequest) -> [LayoutItem] {
        guard let outcome = overall?.outcome(request.instrument ?? "PHQ-9"), let shift = outcome.severityShift, outcome.pairCount > 0 else {
            return [.paragraph("No outcome pairs in \(periodText).", small: true)]
        }
        let cells = privacy.shiftCounts(outcome.instrument.code, shift).cells
        let table = shift.bands.indices.map { b in shift.bands.indices.map { f in privacy.count(cells[b][f], shift.counts[b][f]) } }
        let columns = [ReportTable.Column("Baseline \\ final", 1.6, .start)] + shift.bands.map { ReportTable.Column($0, 1) }
        let rows = shift.bands.indices.map { [TableCell(shift.bands[$0])] + table[$0].map { TableCell($0) } }
        return [.table(ReportTable(columns: columns, rows: rows))]
    }

    func goalsByDomain() -> ReportTable {
        guard let goals = overall?.goals else { return ReportTable(columns: [], rows: []) }
        let rows = zip(goals.byDomain, privacy.goalDomainCounts(goals)).map { domain, counts -> [TableCell] in
            let rated = privacy.mark(counts.rated, domain.goals)
            return [TableCell(domain.domain.replacingOccurrences(of: "_", with: " ").capitalized),
                    TableCell(rated.label ?? Format.count(domain.goals)),
                    rated.isWithheld ? "–" : TableCell(domain.meanLevel.map { Format.signed($0, digits: 2) } ?? "–"),
                    privacy.rate(counts.atOrAbove, counts.rated, domain.atOrAboveExpected, domain.goals)]
        }
        return ReportTable(columns: [.init("Goal domain", 2.4, .start), .init("Rated goals", 1), .init("Mean attained level", 1.2),
                                     .init("At expected level or better", 1.5)],
                           rows: rows, note: "Goal Attainment Scaling levels −2 (much less than expected) to +2 (much more); 0 is the expected outcome.")
    }
}
