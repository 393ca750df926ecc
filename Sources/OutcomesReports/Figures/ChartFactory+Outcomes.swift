import Charts
import OutcomesAnalysis
import OutcomesCore

extension ChartFactory {
    func outcome(_ request: ChartRequest, in cohort: CohortResult? = nil) -> SymptomOutcome? {
        (cohort ?? overall)?.outcome(request.instrument ?? "PHQ-9")
    }

    func changeByCohort(_ request: ChartRequest) -> Made? {
        let code = request.instrument ?? "PHQ-9"
        var entries: [(name: String, cohort: CohortKey, outcome: SymptomOutcome)] = []
        if let dimension = request.by.flatMap(CohortDimension.init(rawValue:)) {
            for cohort in inputs.cohorts(by: dimension) {
                if let outcome = cohort.outcome(code), outcome.pairCount > 0 {
                    entries.append((Words.cohort(cohort.key[dimension] ?? ""), cohort.key, outcome))
                }
            }
        }
        if let all = overall?.outcome(code), all.pairCount > 0 { entries.append(("All discharges", .overall, all)) }
        // Each row's n is its cohort's pairs: the cohorts and "All discharges" are cells of the
        // report's one output, related as parts and total.
        let pairsID = MetricID.outcome(code, "pairs")
        let marks = entries.map { privacy.mark(.current(pairsID, .num, cohort: $0.cohort), $0.outcome.pairCount) }
        let rows = zip(entries, marks).map { entry, mark in
            let withheld = Privacy.chartValue(mark)
            return IntervalEstimate(
                label: entry.name, estimate: withheld ?? entry.outcome.change.mean.map { .value($0) } ?? .missing,
                lower: withheld == nil ? entry.outcome.change.ciLow : nil, upper: withheld == nil ? entry.outcome.change.ciHigh : nil,
                n: withheld == nil ? entry.outcome.pairCount : nil)
        }
        guard !rows.isEmpty else { return nil }
        let pairs = overall?.outcome(code)?.pairCount ?? 0
        let pairsText = privacy.count(.current(pairsID, .num), pairs)
        let spec = ChartSpec(
            kind: .dotInterval(DotIntervalData(rows: rows)),
            title: "\(code) change by \(dimensionName(request.by))",
            subtitle: "Discharges \(periodText) · n = \(pairsText) pairs · mean and 95% CI",
            xAxis: AxisSpec("Mean change, final − baseline", unit: "\(code) points"), yAxis: AxisSpec(""),
            reference: ReferenceLine(value: 0, label: "No change"),
            notes: ["Negative is improvement."])
        return Made(chart: spec, name: "change-\(ChartFactory.slug(code))-by-\(request.by ?? "cohort")")
    }

    func severityShift(_ request: ChartRequest) -> Made? {
        guard let outcome = outcome(request), let shift = outcome.severityShift, outcome.pairCount > 0 else { return nil }
        let cells = privacy.shiftCounts(outcome.instrument.code, shift).cells
        let counts = shift.bands.indices.map { b in shift.bands.indices.map { f in privacy.chartCount(cells[b][f], shift.counts[b][f]) } }
        let spec = ChartSpec(
            kind: .heatTable(HeatTableData(rowLabels: shift.bands, columnLabels: shift.bands, counts: counts)),
            title: "\(outcome.instrument.code) severity at baseline and at the end",
            subtitle: "Discharges \(periodText) · n = \(pairsText(outcome)) pairs",
            xAxis: AxisSpec("Final band"), yAxis: AxisSpec("Baseline band"))
        return Made(chart: spec, name: "severity-shift-\(ChartFactory.slug(outcome.instrument.code))")
    }

    func severityBands(_ request: ChartRequest) -> Made? {
        guard let outcome = outcome(request), let shift = outcome.severityShift, outcome.pairCount > 0 else { return nil }
        let baseline = shift.counts.map { $0.reduce(0, +) }
        let final = shift.bands.indices.map { column in shift.counts.reduce(0) { $0 + $1[column] } }
        let counts = privacy.shiftCounts(outcome.instrument.code, shift)
        let series = shift.bands.indices.map { band in
            ValueSeries(name: shift.bands[band], values: [privacy.chartCount(counts.baseline[band], baseline[band]),
                                                          privacy.chartCount(counts.final[band], final[band])])
        }
        let spec = ChartSpec(
            kind: .bar(BarChartData(categories: ["Baseline", "Final"], series: series)),
            title: "\(outcome.instrument.code) severity bands", subtitle: "Discharges \(periodText) · n = \(pairsText(outcome)) pairs",
            xAxis: AxisSpec(""), yAxis: AxisSpec("Episodes", unit: "count", format: .integer, includesZero: true))
        return Made(chart: spec, name: "severity-bands-\(ChartFactory.slug(outcome.instrument.code))")
    }

    func goalAttainment() -> Made? {
        guard let goals = overall?.goals, goals.ratedGoals > 0 else { return nil }
        let cells = privacy.goalLevelCounts(goals)
        let counts = GoalAttainmentData.levels.map { level in
            let index = goals.levelDistribution.firstIndex { $0.category == level }
            return index.map { privacy.chartCount(cells[$0], goals.levelDistribution[$0].count) } ?? .value(0)
        }
        let spec = ChartSpec(
            kind: .goalAttainment(GoalAttainmentData(counts: counts)),
            title: "Goal attainment",
            subtitle: "Discharges \(periodText) · n = \(privacy.count(.current(MetricID.goalsAtOrAboveExpectedRate, .den), goals.ratedGoals)) rated goals",
            xAxis: AxisSpec("Attained level (0 = expected outcome)"), yAxis: AxisSpec("Goals", unit: "count", format: .integer))
        return Made(chart: spec, name: "goal-attainment")
    }

    /// An instrument's pairs as a chart subtitle prints them.
    private func pairsText(_ outcome: SymptomOutcome) -> String {
        privacy.count(.current(MetricID.outcome(outcome.instrument.code, "pairs"), .num), outcome.pairCount)
    }

    func trajectories(_ request: ChartRequest) -> Made? {
        guard !privacy.external, let outcome = outcome(request), !outcome.trajectories.isEmpty else { return nil }
        let lines = outcome.trajectories.map { trajectory in
            Trajectory(points: zip(trajectory.daysSinceAdmission, trajectory.points).map {
                Point(x: Double($0) / 7, y: $1.score.doubleValue)
            })
        }
        var byWeek: [Int: [Double]] = [:]
        for line in lines { for point in line.points { byWeek[Int(point.x.rounded()), default: []].append(point.y) } }
        let mean = byWeek.keys.sorted().filter { (byWeek[$0]?.count ?? 0) >= 3 }.map { week in
            Point(x: Double(week), y: Descriptive.mean(byWeek[week] ?? []) ?? 0)
        }
        // Scores are plotted on the reporting scale (WHO-5: raw x 4), so the axis is too.
        let low = outcome.instrument.reported(outcome.instrument.totalRange.lowerBound)
        let high = outcome.instrument.reported(outcome.instrument.totalRange.upperBound)
        let decimals = max(low.significantDecimals, high.significantDecimals)
        let spec = ChartSpec(
            kind: .spaghetti(SpaghettiData(trajectories: lines, mean: Trajectory(points: mean), meanLabel: "Weekly mean")),
            title: "\(outcome.instrument.code) scores during treatment",
            subtitle: "Discharges \(periodText) with a pair · n = \(Format.count(lines.count)) episodes",
            xAxis: AxisSpec("Weeks since admission", format: .integer),
            yAxis: AxisSpec("\(outcome.instrument.code) total", unit: "\(low)–\(high)",
                            format: decimals == 0 ? .integer : .number, domain: low.doubleValue...high.doubleValue))
        return Made(chart: spec, name: "trajectories-\(ChartFactory.slug(outcome.instrument.code))")
    }
}
