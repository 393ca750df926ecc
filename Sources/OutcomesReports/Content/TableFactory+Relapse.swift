import OutcomesAnalysis
import OutcomesCore

extension TableFactory {
    func relapse() -> [LayoutItem] {
        guard let cohort = overall else { return [] }
        var rows: [[TableCell]] = []
        let discharges = TableCell("Discharges \(periodText)", color: ReportStyle.secondary)
        for outcome in cohort.outcomes where outcome.threshold != nil && !outcome.pairs.isEmpty {
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
        /// A gap cell: bold beyond 5 points, blank when the rate is withheld or undefined.
        func gap(_ value: Double?, _ rate: TableCell) -> TableCell {
            guard let value, rate.text != "withheld", rate.text != "–" else { return "" }
            return TableCell(Format.signed(value * 100), bold: abs(value) >= 0.05)
        }
        // Each measure's numerators and denominators over the strata, with the overall figures as
        // their totals: suppressed together (complementary cells), so that a withheld group cannot
        // be recovered from "All episodes" and the other groups.
        let measures: [(EquityFigures) -> (num: Int, den: Int)] = [
            { ($0.attended, $0.scheduled) }, { ($0.completed, $0.discharges) },
            { ($0.reliablyImproved, $0.withPairs) }, { ($0.recovered, $0.casesAtBaseline) },
        ]
        let withheld = measures.map { measure -> [Bool] in
            let nums = privacy.hiddenCells(counts: strata.map { measure($0.figures).num }, total: measure(overallFigures).num)
            let dens = privacy.hiddenCells(counts: strata.map { measure($0.figures).den }, total: measure(overallFigures).den)
            return zip(nums, dens).map { $0 || $1 }
        }
        var rows = strata.enumerated().map { index, stratum -> [TableCell] in
            let rates = measures.enumerated().map { m, measure in
                let (num, den) = measure(stratum.figures)
                return privacy.rate(num, den, complementary: withheld[m][index])
            }
            let gaps = [stratum.attendanceGap, stratum.completionGap, stratum.reliableImprovementGap, stratum.recoveryGap]
            return [TableCell(Words.cohort(stratum.value))] + zip(rates, gaps).flatMap { [$0, gap($1, $0)] }
        }
        rows.append([TableCell("All episodes", bold: true)] + measures.enumerated().flatMap { m, measure -> [TableCell] in
            let (num, den) = measure(overallFigures)
            return [privacy.rate(num, den, complementary: withheld[m].last ?? false), ""]
        })
        let title = dimension.rawValue.replacingOccurrences(of: "_", with: " ").capitalized
        let columns: [ReportTable.Column] = [.init(title, 1.7, .start)] + ["Attendance", "Completion", "Reliably improved", "Recovery"]
            .flatMap { [ReportTable.Column($0, 1.12), ReportTable.Column("Gap", 0.8)] }
        return [.heading("By \(title.lowercased())", level: 2),
                .table(ReportTable(columns: columns, rows: rows, note: "Gap: the group's rate minus the overall rate, in percentage points; gaps of 5 points or more in bold; small groups vary widely by chance. " + Equity.outcomeRule + privacyNote))]
    }
}
