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
        let current = options.with(period: plan.period)
        let overall = Analysis.analyze(dataset, options: current)
        var byDimension: [CohortDimension: AnalysisResult] = [:]
        for dimension in plan.dimensions { byDimension[dimension] = Analysis.analyze(dataset, options: current, by: [dimension]) }
        let previous = Analysis.analyze(dataset, options: options.with(period: plan.previousPeriod))
        let trends = plan.trendMetrics.isEmpty ? [] :
            Analysis.trend(dataset, options: options.with(period: plan.lastMonth), metrics: plan.trendMetrics, months: months)
        let watched = Set((overall.overall?.watchList.entries ?? []).map(\.episodeID))
        var keys: [String: String] = [:]
        for episode in dataset.episodes where watched.contains(episode.episodeID) { keys[episode.episodeID] = episode.patientKey }
        let provenance = ProvenanceSummary(
            loads: try db.loadLog().map(ProvenanceEntry.init),
            softwareVersion: SoftwareVersion.current, command: command,
            parameters: ["period: \(plan.period.from) to \(plan.period.to)", "trend months: \(months)",
                         "reliable change: \(options.reliableChange.rawValue)",
                         "dose minimum: \(Format.hours(options.doseMinimum.adultHours)) h adults, \(Format.hours(options.doseMinimum.adolescentHours)) h under 18",
                         "substance-use tracks: \(options.substanceUsePrograms.sorted().joined(separator: ", "))",
                         "small-cell threshold: counts of 1 to 10 shown as <11 (external reports)"])
        return ReportInputs(programName: programName, period: plan.period, current: overall, byDimension: byDimension,
                            previous: previous, trends: trends, registry: registry, patientKeys: keys,
                            provenance: provenance, generatedOn: generatedOn)
    }
}

private enum Format {
    static func hours(_ value: Double) -> String { value == value.rounded() ? String(Int(value)) : String(value) }
}

extension ProvenanceEntry {
    /// A load-log row as the appendix prints it: the file's name without the folder it was loaded from.
    init(_ entry: LoadLogEntry) {
        let reasons = entry.rejectsByReason.map { (reason: $0.key.rawValue, count: $0.value) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.reason < $1.reason }
        self.init(file: (entry.file as NSString).lastPathComponent, table: entry.table, sha256: entry.sha256, read: entry.read,
                  loaded: entry.loaded, updated: entry.updated, duplicates: entry.duplicates, rejected: entry.rejected,
                  rejectsByReason: reasons, loadedAt: entry.loadedAt)
    }
}
