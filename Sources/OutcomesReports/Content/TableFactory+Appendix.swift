import OutcomesAnalysis
import OutcomesCore

extension TableFactory {
    /// Instruments present in the period, with psychometrics and thresholds.
    func instruments() -> ReportTable {
        let codes = (overall?.outcomes.map(\.instrument.code) ?? []).isEmpty ? inputs.registry.codes : (overall?.outcomes.map(\.instrument.code) ?? [])
        let rows = codes.compactMap { inputs.registry[$0] }.map { instrument -> [TableCell] in
            // Exact values as the instrument defines them (no rounding: bands may be decimal).
            let bands = instrument.bands.map { "\($0.label) \($0.lower)–\($0.upper)" }
            return [TableCell(instrument.code, detail: instrument.name), TableCell("\(instrument.totalRange.lowerBound)–\(instrument.totalRange.upperBound)"),
                    TableCell(instrument.casenessCutoff.map { "≥ \($0)" } ?? "–"),
                    TableCell(instrument.reliableChangePoints.map { "\($0) points" } ?? "–",
                              detail: instrument.reliableChangeSource),
                    TableCell(instrument.reliability.map { Format.number($0, digits: 2) } ?? "–"),
                    TableCell(bands.joined(separator: "; "), color: ReportStyle.secondary)]
        }
        return ReportTable(columns: [.init("Instrument", 1.7, .start), .init("Range", 0.8), .init("Case", 0.7), .init("Reliable change", 1.6, .start),
                                     .init("Reliability", 0.9), .init("Severity bands", 2.6, .start)], rows: rows)
    }

    /// Every headline, chart and metric identifier the report shows, with its definition.
    func definitions() -> ReportTable {
        var ids: [String] = []
        for section in definition.sections {
            for block in section.blocks {
                switch block {
                case .headline(let items): ids += items.map(\.metric)
                case .metrics(let list): ids += list
                case .chart(let chart): if let m = chart.metric { ids.append(m) }
                default: break
                }
            }
        }
        var seen = Set<String>()
        var rows = ids.filter { seen.insert($0).inserted }.map { id -> [TableCell] in
            [TableCell(Format.label(id), detail: id), TableCell(MetricRegistry.definitionText(id) ?? "", color: ReportStyle.secondary)]
        }
        let blocks = definition.sections.flatMap(\.blocks)
        if blocks.contains(where: { if case .table(let table) = $0 { return table.kind == .equity } else { return false } }) {
            rows.append([TableCell("Equity outcomes"), TableCell(Equity.outcomeRule, color: ReportStyle.secondary)])
        }
        return ReportTable(columns: [.init("Measure", 2.7, .start), .init("Definition", 5, .start)], rows: rows,
                           note: "Exclusions are counted, never dropped: discharges without an outcome pair, partial episode-weeks and unrated goals appear in the tables that use them.")
    }

    func completeness() -> [LayoutItem] {
        guard let cohort = overall else { return [] }
        var rows: [[TableCell]] = [
            ["Discharges with a baseline score (±14 days of admission)", metricCell(MetricID.baselineRate)],
            ["Discharges with two or more scores on one instrument", metricCell(MetricID.twoScoresRate)],
            ["Discharges with a discharge score", metricCell(MetricID.dischargeScoreRate)],
            ["Complete episode-weeks with at least one score", metricCell(MetricID.weeklyMeasurementRate)],
            ["Partial episode-weeks excluded from dose figures", metricCell(MetricID.partialWeeksExcluded)],
        ]
        for outcome in cohort.outcomes where outcome.episodesWithScores > 0 {
            rows.append(["\(outcome.instrument.code): discharges with scores but no outcome pair",
                         metricCell(MetricID.outcome(outcome.instrument.code, "no_pair"))])
        }
        // Discharges = those with a rated goal (the GAS T >= 50 rate's denominator) + those without
        let withoutGoal = ReportDisclosure.Count.named("discharges without a rated goal")
        privacy.declare(withoutGoal, cohort.goals.episodesWithoutRatedGoals)
        privacy.relate(total: .current(MetricID.discharges, .n), parts: [withoutGoal, .current(MetricID.goalsT50Rate, .den)])
        rows.append(["Discharges without a rated goal", TableCell(privacy.count(withoutGoal, cohort.goals.episodesWithoutRatedGoals))])
        let latest = inputs.provenance.latestLoads
        let rejected = latest.reduce(0) { $0 + $1.rejected }
        let read = latest.reduce(0) { $0 + $1.read }
        rows.append(["Input rows rejected on load (all files)", TableCell(Format.count(rejected), detail: "of \(Format.count(read)) read")])
        return [.table(ReportTable(columns: [.init("Completeness, \(periodText)", 4, .start), .init("Figure", 1.3)], rows: rows,
                                   note: "Rows rejected on load are listed by file and reason in the provenance appendix." + privacyNote))]
    }

    /// How the provenance table's reloads read, said when it has one.
    private var reloadNote: String {
        "A file loaded again adds the rows not stored before; rows stored already count as duplicates, and the "
            + "completeness figure counts each file's latest load. "
    }

    func provenance() -> [LayoutItem] {
        let p = inputs.provenance
        let about = ReportTable(columns: [.init("Item", 1.3, .start), .init("Value", 5, .start)], rows: [
            ["Software", TableCell("IOP Outcomes \(p.softwareVersion)")],
            ["Command", TableCell(p.command)],
            ["Parameters", TableCell(p.parameters.joined(separator: "\n"))],
        ])
        let rows = p.loads.map { load -> [TableCell] in
            let reasons = load.rejectsByReason.map { "\($0.reason) \($0.count)" }.joined(separator: ", ")
            // The digest in four lines of 16 hex digits, which a reader compares chunk by chunk.
            let chunks = stride(from: 0, to: load.sha256.count, by: 16).map {
                String(load.sha256.dropFirst($0).prefix(16))
            }
            let digest = "SHA-256\n" + chunks.joined(separator: "\n")
            let file = TableCell(load.file, detail: load.isReload ? "loaded again · " + digest : digest)
            return [file, TableCell(load.table), TableCell(Format.count(load.read)),
                    TableCell(Format.count(load.loaded)), TableCell(Format.count(load.updated)), TableCell(Format.count(load.duplicates)),
                    TableCell(Format.count(load.rejected), detail: reasons.isEmpty ? nil : reasons),
                    TableCell(String(load.loadedAt.prefix(16)).replacingOccurrences(of: "T", with: " "))]
        }
        let files = ReportTable(columns: [.init("File", 2.0, .start), .init("Table", 1.4, .start), .init("Read", 1.15),
                                          .init("Loaded", 1.15), .init("Updated", 1.0), .init("Dupl.", 1.15),
                                          .init("Rejected (by reason)", 1.3), .init("Loaded at (UTC)", 1.3)],
                                rows: rows,
                                note: "Every load in order. read = loaded + updated + duplicates + rejected. "
                                + (p.loads.contains(where: \.isReload) ? reloadNote : "")
                                + "Row counts are file rows, not people.")
        return [.table(about), .heading("Input files", level: 2), .table(files)]
    }
}
