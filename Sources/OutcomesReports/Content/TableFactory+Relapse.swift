import OutcomesAnalysis
import OutcomesCore

extension TableFactory {
    func relapse() -> [LayoutItem] {
        guard let cohort = overall else { return [] }
        var rows: [[TableCell]] = []
        let discharges = TableCell("Discharges \(periodText)", color: ReportStyle.secondary)
        for outcome in cohort.outcomes where outcome.threshold != nil && outcome.pairCount > 0 {
            rows.append(["\(outcome.instrument.code) reliable deterioration during treatment",
                         metricCell(MetricID.outcome(outcome.instrument.code, "reliable_deterioration_rate")), discharges])
        }
        for relapse in cohort.symptomRelapse where relapse.hasThreshold {
            rows.append(["\(relapse.instrument) symptom relapse after response or remission",
                         metricCell(MetricID.relapse(relapse.instrument, "symptom_relapse_rate")), discharges])
        }
        rows.append(["Step-up to a higher level of care", metricCell(MetricID.stepUpRate), discharges])
        for window in [cohort.postDischarge30, cohort.postDischarge90] {
            let covered = TableCell("Discharges \(Format.period(window.cohort))", bold: true)
            let ids = PostDischarge.ids(windowDays: window.windowDays)
            rows.append(["Acute care within \(window.windowDays) days of discharge", metricCell(ids.acuteCare), covered])
            rows.append(["Readmission within \(window.windowDays) days of discharge", metricCell(ids.readmission), covered])
        }
        rows.append(["Return to use (substance-use tracks)", metricCell(MetricID.returnToUseRate), discharges])
        for deterioration in cohort.postDischargeDeterioration {
            guard deterioration.hasThreshold, deterioration.definesChange, deterioration.followedUp > 0 else { continue }
            rows.append(["\(deterioration.instrument) deterioration at follow-up",
                         metricCell(MetricID.relapse(deterioration.instrument, "post_discharge_deterioration_rate")),
                         TableCell("Discharges \(Format.period(deterioration.cohort))", bold: true)])
        }
        let note = """
            Post-discharge windows must have fully elapsed by the end of \(periodText), so those indicators cover an earlier \
            discharge cohort, named in the last column: the 30-day figures cover \(Format.period(cohort.postDischarge30.cohort)), \
            the 90-day figures \(Format.period(cohort.postDischarge90.cohort)). Acute care: an ED visit, psychiatric inpatient \
            stay or crisis contact. Readmission: another episode of the same patient in any program.
            """ + privacyNote
        return [.table(ReportTable(columns: [.init("Indicator", 3.0, .start), .init("Rate", 1.0), .init("Cohort covered", 2.3, .start)],
                                   rows: rows, note: note))]
    }

    func equity(_ request: TableRequest) -> [LayoutItem] {
        let dimension = request.by.flatMap(CohortDimension.init(rawValue:)) ?? .race
        let strata = inputs.current.equity.strata.filter { $0.dimension == dimension }
        guard !strata.isEmpty else { return [] }
        let overallFigures = inputs.current.equity.overall
        // Each measure's numerators and denominators over the groups, with "All episodes" as
        // their totals: cells of the report's one output, so that a withheld group cannot be
        // recovered from "All episodes" and the other groups, here or in another equity table.
        let measures: [(name: String, counts: (EquityFigures) -> (num: Int, den: Int))] = [
            ("attendance", { ($0.attended, $0.scheduled) }), ("completion", { ($0.completed, $0.discharges) }),
            ("reliable improvement", { ($0.reliablyImproved, $0.withPairs) }), ("recovery", { ($0.recovered, $0.casesAtBaseline) }),
        ]
        let overallCells = measures.map { privacy.equityCounts($0.name, group: nil, $0.counts(overallFigures)) }
        let strataCells = strata.map { stratum in
            measures.map { privacy.equityCounts($0.name, group: (dimension, stratum.value), $0.counts(stratum.figures)) }
        }
        for m in measures.indices {
            privacy.relate(total: overallCells[m].num, parts: strataCells.map { $0[m].num })
            privacy.relate(total: overallCells[m].den, parts: strataCells.map { $0[m].den })
        }
        let overallRates = measures.indices.map { m in
            privacy.rate(overallCells[m].num, overallCells[m].den, measures[m].counts(overallFigures).num,
                         measures[m].counts(overallFigures).den)
        }
        /// A gap cell: bold beyond 5 points, blank when the group's or the overall rate is withheld
        /// or undefined (a gap beside one shown rate gives the other back).
        func gap(_ value: Double?, _ rate: TableCell, _ overallRate: TableCell) -> TableCell {
            guard let value, ![rate.text, overallRate.text].contains(where: { $0 == "withheld" || $0 == "–" }) else { return "" }
            return TableCell(Format.signed(value * 100), bold: abs(value) >= 0.05)
        }
        var rows = strata.enumerated().map { index, stratum -> [TableCell] in
            let rates = measures.indices.map { m in
                let (num, den) = measures[m].counts(stratum.figures)
                return privacy.rate(strataCells[index][m].num, strataCells[index][m].den, num, den)
            }
            let gaps = [stratum.attendanceGap, stratum.completionGap, stratum.reliableImprovementGap, stratum.recoveryGap]
            return [TableCell(Words.cohort(stratum.value))] + measures.indices.flatMap { m in
                [rates[m], gap(gaps[m], rates[m], overallRates[m])]
            }
        }
        rows.append([TableCell("All episodes", bold: true)] + overallRates.flatMap { [$0, ""] })
        let title = dimension.rawValue.replacingOccurrences(of: "_", with: " ").capitalized
        let columns: [ReportTable.Column] = [.init(title, 1.7, .start)] + ["Attendance", "Completion", "Reliably improved", "Recovery"]
            .flatMap { [ReportTable.Column($0, 1.12), ReportTable.Column("Gap", 0.8)] }
        return [.heading("By \(title.lowercased())", level: 2),
                .table(ReportTable(columns: columns, rows: rows, note: "Gap: the group's rate minus the overall rate, in percentage points; gaps of 5 points or more in bold; small groups vary widely by chance. " + Equity.outcomeRule + privacyNote))]
    }
}
