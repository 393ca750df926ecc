import Foundation
import OutcomesAnalysis
import OutcomesCore
import OutcomesReports
import OutcomesStore

/// Runs the analyses a report plan needs and gathers the report's inputs from the store.
struct ReportInputsLoader {
    let db: OutcomesDatabase
    let registry: InstrumentRegistry
    let options: AnalysisOptions

    func load(_ plan: ReportPlan, programName: String, command: String, generatedOn: Day) throws -> ReportInputs {
        let months = plan.trendMonths
        let previousStart = plan.previousPeriod.from
        let trendStart = plan.lastMonth.trailingMonths(months)[0]
        let earliest = Period(from: min(previousStart, trendStart.from), to: plan.period.to)
        let dataset = try DatasetLoader.load(db, period: earliest, trendMonths: months, registry: registry)
        let analyses = analyze(dataset, plan)
        let overall = analyses.current
        let watched = Set((overall.overall?.watchList.entries ?? []).map(\.episodeID))
        var keys: [String: String] = [:]
        for episode in dataset.episodes where watched.contains(episode.episodeID) { keys[episode.episodeID] = episode.patientKey }
        let provenance = ProvenanceSummary(
            loads: try db.loadLog().map(ProvenanceEntry.init),
            softwareVersion: SoftwareVersion.current, command: command,
            parameters: ["period: \(plan.period.from) to \(plan.period.to)", "trend months: \(months)",
                         "reliable change: \(options.reliableChange.rawValue)",
                         "dose minimum: \(NumberText.plain(options.doseMinimum.adultHours)) h adults, \(NumberText.plain(options.doseMinimum.adolescentHours)) h under 18",
                         "substance-use tracks: \(options.substanceUsePrograms.sorted().joined(separator: ", "))",
                         "small-cell threshold: counts of 1 to 10 shown as <11 (external reports)"])
        return ReportInputs(programName: programName, period: plan.period, current: overall, byDimension: analyses.byDimension,
                            previous: analyses.previous, trends: analyses.trends, registry: registry, patientKeys: keys,
                            provenance: provenance, generatedOn: generatedOn)
    }
}

extension ReportInputsLoader {
    struct Analyses {
        var current: AnalysisResult
        var byDimension: [CohortDimension: AnalysisResult] = [:]
        var previous: PreviousPeriod?
        var trends: [MetricTrend] = []
    }

    /// P by each dimension (the first also serves as the overall result), the trend in two halves
    /// and, for periods longer than a month, the previous period: concurrently.
    func analyze(_ dataset: AnalysisDataset, _ plan: ReportPlan) -> Analyses {
        enum Output { case result(AnalysisResult), trend([MetricTrend]) }
        let current = options.with(period: plan.period)
        let dimensions = plan.dimensions.isEmpty ? [nil] : plan.dimensions.map { Optional($0) }
        var jobs: [@Sendable () -> Output] = dimensions.map { dimension in
            { .result(Analysis.analyze(dataset, options: current, by: dimension.map { [$0] } ?? [])) }
        }
        let months = plan.trendMonths
        let wantsPrevious = !plan.period.isCalendarMonth
        if wantsPrevious {
            let previous = options.with(period: plan.previousPeriod)
            jobs.append { .result(Analysis.analyze(dataset, options: previous)) }
        }
        if !plan.trendMetrics.isEmpty {
            let recent = months / 2
            let older = months - recent
            let olderEnd = plan.lastMonth.shifted(months: -recent)
            jobs.append { .trend(Analysis.trend(dataset, options: options.with(period: olderEnd), metrics: plan.trendMetrics, months: older)) }
            jobs.append { .trend(Analysis.trend(dataset, options: options.with(period: plan.lastMonth), metrics: plan.trendMetrics, months: recent)) }
        }
        let outputs = ParallelJobs.run(jobs)
        var results: [AnalysisResult] = []
        var halves: [[MetricTrend]] = []
        for output in outputs {
            switch output {
            case .result(let result): results.append(result)
            case .trend(let trend): halves.append(trend)
            }
        }
        var analyses = Analyses(current: results[0])
        for (index, dimension) in dimensions.enumerated() { if let dimension { analyses.byDimension[dimension] = results[index] } }
        if halves.count == 2 {
            analyses.trends = zip(halves[0], halves[1]).map { older, recent in
                var merged = recent
                merged.points = older.points + recent.points
                return merged
            }
        }
        if wantsPrevious, let previous = results.last?.overall {
            analyses.previous = PreviousPeriod(period: plan.previousPeriod, metrics: previous.metrics)
        } else if let point = analyses.trends.first?.points.dropLast().last {
            var metrics = MetricSet()
            for trend in analyses.trends { if let value = trend.points.dropLast().last?.value { metrics.set(trend.metric, value) } }
            analyses.previous = PreviousPeriod(period: point.period, metrics: metrics)
        }
        return analyses
    }
}

extension ProvenanceEntry {
    /// A load-log row as the appendix prints it: the file's name without the folder it was loaded from.
    init(_ entry: LoadLogEntry) {
        let reasons = entry.rejectsByReason.map { RejectCount(reason: $0.key.rawValue, count: $0.value) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.reason < $1.reason }
        self.init(file: (entry.file as NSString).lastPathComponent, table: entry.table, sha256: entry.sha256, read: entry.read,
                  loaded: entry.loaded, updated: entry.updated, duplicates: entry.duplicates, rejected: entry.rejected,
                  rejectsByReason: reasons, loadedAt: entry.loadedAt)
    }
}
