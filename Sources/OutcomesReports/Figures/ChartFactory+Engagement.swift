import Charts
import OutcomesAnalysis
import OutcomesCore

extension ChartFactory {
    func dischargeReasons() -> Made? {
        guard let census = overall?.census, census.discharges > 0 else { return nil }
        let shown = census.dischargeReasons.filter { $0.count > 0 }
        let values = shown.map { privacy.chartCount(.current(MetricID.dischargeReason($0.category), .num), $0.count) }
        let spec = ChartSpec(
            kind: .bar(BarChartData(categories: shown.map { Words.dischargeReason($0.category) },
                                    series: [ValueSeries(name: "Discharges", values: values)], orientation: .horizontal)),
            title: "Why episodes ended",
            subtitle: "Discharges, \(periodText) · n = \(privacy.count(.current(MetricID.discharges, .n), census.discharges))",
            xAxis: AxisSpec("Discharges", unit: "episodes", format: .integer), yAxis: AxisSpec(""))
        return Made(chart: spec, name: "discharge-reasons")
    }

    func sessionMix() -> Made? {
        guard let attendance = overall?.attendance, attendance.scheduled > 0 else { return nil }
        let types = attendance.byType.filter { $0.scheduled > 0 }
        let counts = privacy.sessionTypeCounts(types)
        // A withheld part is left out of its stack, so no stack's height gives it back
        let attended = ValueSeries(name: "Attended", values: zip(types, counts).map { privacy.chartCount($1.attended, $0.attended) })
        let missed = ValueSeries(name: "Not attended",
                                 values: zip(types, counts).map { privacy.chartCount($1.missed, $0.scheduled - $0.attended) })
        let spec = ChartSpec(
            kind: .bar(BarChartData(categories: types.map { Words.sessionType($0.category) }, series: [attended, missed], showsValues: false)),
            title: "Sessions by type", subtitle: "\(periodText) · n = \(privacy.count(.current(MetricID.attendanceRate, .den), attendance.scheduled)) scheduled sessions",
            xAxis: AxisSpec("Session type"), yAxis: AxisSpec("Sessions", unit: "count", format: .integer, includesZero: true))
        return Made(chart: spec, name: "session-mix")
    }

    func retention(_ request: ChartRequest) -> Made? {
        let dimension = request.by.flatMap(CohortDimension.init(rawValue:))
        let cohorts: [(String, Retention)] = dimension.map { d in inputs.cohorts(by: d).map { ($0.key[d] ?? "", $0.retention) } }
            ?? overall.map { [("All episodes", $0.retention)] } ?? []
        let usable = cohorts.filter { $0.1.curve.n > 0 }
        guard !usable.isEmpty, let window = usable.first?.1.window else { return nil }
        let riskTimes: [Double] = [0, 14, 28, 42, 56, 70, 84]
        let total = ReportDisclosure.Count.named("retention episodes" + (request.by.map { " by " + $0 } ?? ""))
        var starts: [ReportDisclosure.Count] = []
        let curves = usable.map { name, retention -> SurvivalCurve in
            let curve = retention.curve
            // External: the curve stops where fewer than 11 remain at risk (a step there gives events away)
            let steps = curve.points.filter { !privacy.external || $0.atRisk > DisclosureControl.smallCounts.upperBound }
                .map { SurvivalStep(time: Double($0.time), survival: $0.survival, lower: $0.ciLow, upper: $0.ciHigh) }
            // Numbers at risk fall from one time to the next: each is the next one plus those who left
            let counts = riskTimes.map { ReportDisclosure.Count.named("retention \(name) at risk on day \(Int($0))") }
            let values = riskTimes.map { time in curve.riskTable.first { Double($0.time) == time }?.atRisk ?? 0 }
            for (count, value) in zip(counts, values) { privacy.declare(count, value) }
            for index in counts.indices.dropLast() { privacy.relate(total: counts[index], parts: [counts[index + 1]]) }
            starts += counts.prefix(1)
            let atRisk = zip(counts, values).map { privacy.chartCount($0, $1) }
            let censored = curve.censorTimes.filter { time in steps.last.map { Double(time) <= $0.time } ?? false }
            return SurvivalCurve(name: Words.cohort(name), steps: steps,
                                 censorTimes: (privacy.external ? censored : curve.censorTimes).map(Double.init), atRisk: atRisk)
        }
        let n = usable.reduce(0) { $0 + $1.1.curve.n }
        privacy.declare(total, n)
        privacy.relate(total: total, parts: starts)
        let spec = ChartSpec(
            kind: .kaplanMeier(KaplanMeierData(curves: curves, riskTimes: riskTimes, maxTime: 84, showsConfidenceBands: curves.count == 1)),
            title: "Retention in treatment" + (dimension == nil ? "" : " by \(dimensionName(request.by))"),
            subtitle: "Admissions \(Format.short(window.from)) – \(Format.short(window.to)) · n = \(privacy.count(total, n)) episodes",
            xAxis: AxisSpec("Days since admission", unit: "days", format: .integer),
            yAxis: AxisSpec("Not dropped out", unit: "%", format: .percent), reference: ReferenceLine(value: 0.5, label: ""))
        return Made(chart: spec, name: "retention" + (request.by.map { "-by-" + $0 } ?? ""))
    }

    func funnel(_ request: ChartRequest) -> Made? {
        guard let id = request.metric else { return nil }
        if request.by == StaffFunnel.dimension { return staffFunnel(metric: id) }
        guard let dimension = request.by.flatMap(CohortDimension.init(rawValue:)) else { return nil }
        var groups: [FunnelGroup] = []
        var withheld: [FunnelPoint] = []
        for cohort in inputs.cohorts(by: dimension) {
            let place = privacy.place(id, cohort: cohort.key)
            guard case .proportion(_, let num, let den)? = privacy.value(place), den > 0 else { continue }
            let name = Words.cohort(cohort.key[dimension] ?? "")
            if let mark = Privacy.chartValue(privacy.withheldMark(place, .proportion(value: nil, num: num, den: den))) {
                withheld.append(FunnelPoint(label: name, n: 0, proportion: mark))
            } else {
                groups.append(FunnelGroup(name: name, numerator: num, denominator: den))
            }
        }
        let name = "funnel-\(ChartFactory.slug(id))-by-\(dimension.rawValue)"
        return funnel(groups, withheld: withheld, metric: id, by: request.by, name: name)
    }

    /// The funnel plot of `groups` (at least two with data) around their pooled proportion;
    /// `withheld` groups (counts withheld) are named, not plotted, and left out of the pooled
    /// proportion, the limits and n, so that nothing drawn depends on their counts.
    func funnel(_ groups: [FunnelGroup], withheld: [FunnelPoint] = [], metric id: String, by: String?, name: String,
                notes: [String] = []) -> Made? {
        guard groups.count >= 2, let limits = FunnelLimits(groups: groups) else { return nil }
        let maxN = Double(groups.map(\.denominator).max() ?? 1) * 1.15
        let ns = (1...60).map { maxN * Double($0) / 60 }
        let bands = limits.bands(at: ns)
        let curves = [
            FunnelLimitCurve(level: .ninetyFive, points: bands.map { FunnelLimitPoint(n: $0.n, lower: $0.lower95, upper: $0.upper95) }),
            FunnelLimitCurve(level: .ninetyNinePointEight, points: bands.map { FunnelLimitPoint(n: $0.n, lower: $0.lower998, upper: $0.upper998) }),
        ]
        let points = limits.classify(groups).map { result in
            FunnelPoint(label: result.group.name, n: result.group.denominator,
                        proportion: result.group.proportion.map { .value($0) } ?? .missing,
                        isSignal: result.position == .above998 || result.position == .below998)
        }
        let spec = ChartSpec(
            kind: .funnel(FunnelData(centre: limits.proportion, points: points + withheld, limits: curves)),
            title: "\(Format.label(id)) by \(dimensionName(by))",
            subtitle: "\(periodText) · \(groups.count) \(dimensionName(by))s · n = "
                + Format.count(groups.reduce(0) { $0 + $1.denominator }) + (withheld.isEmpty ? "" : " (groups plotted)"),
            xAxis: AxisSpec("Denominator", unit: "n", format: .integer),
            yAxis: AxisSpec(Format.label(id), unit: "%", format: .percent),
            notes: notes)
        return Made(chart: spec, name: name)
    }
}
