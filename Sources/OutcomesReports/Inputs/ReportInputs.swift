import OutcomesAnalysis
import OutcomesCore

/// Everything a report is built from, assembled by the executable: plain values, no database.
public struct ReportInputs: Sendable {
    public var programName: String
    /// The reporting period P (a month, or 12 months for the accreditation packet).
    public var period: Period
    /// P analysed overall.
    public var current: AnalysisResult
    /// P analysed by one dimension at a time (program, site, and any a chart names).
    public var byDimension: [CohortDimension: AnalysisResult]
    /// The period before P, same shape (for the change column).
    public var previous: PreviousPeriod?
    /// Overall monthly series of the definition's metrics, ending with the last month of P.
    public var trends: [MetricTrend]
    public var registry: InstrumentRegistry
    /// Pseudonymous patient key of each episode (watch list only).
    public var patientKeys: [String: String]
    public var provenance: ProvenanceSummary
    /// Printed as "Generated" in the footer: never the clock (the period end or SOURCE_DATE_EPOCH).
    public var generatedOn: Day

    public init(programName: String, period: Period, current: AnalysisResult, byDimension: [CohortDimension: AnalysisResult],
                previous: PreviousPeriod?,
                trends: [MetricTrend], registry: InstrumentRegistry, patientKeys: [String: String],
                provenance: ProvenanceSummary, generatedOn: Day) {
        self.programName = programName
        self.period = period
        self.current = current
        self.byDimension = byDimension
        self.previous = previous
        self.trends = trends
        self.registry = registry
        self.patientKeys = patientKeys
        self.provenance = provenance
        self.generatedOn = generatedOn
    }

    /// The overall monthly series of a metric.
    func trend(_ metric: String) -> MetricTrend? {
        trends.first { $0.metric == metric && $0.key.isOverall }
    }

    /// The overall cohort of P.
    var overall: CohortResult? { current.overall }

    /// Cohorts of one dimension (program or site) in P, without the overall one.
    func cohorts(by dimension: CohortDimension) -> [CohortResult] {
        (byDimension[dimension]?.cohorts ?? []).filter { !$0.key.isOverall }
    }
}

/// The overall metrics of the period before P.
public struct PreviousPeriod: Sendable {
    public var period: Period
    public var metrics: MetricSet

    public init(period: Period, metrics: MetricSet) {
        self.period = period
        self.metrics = metrics
    }
}

/// The provenance appendix: every load and how the report was made.
public struct ProvenanceSummary: Sendable {
    public var loads: [ProvenanceEntry]
    public var softwareVersion: String
    /// The command line that made the report, without machine paths.
    public var command: String
    /// Analysis parameters, as "name: value" lines.
    public var parameters: [String]

    /// Each file's latest load (its first or its last reload), in load order: every input row counted once.
    public var latestLoads: [ProvenanceEntry] {
        var latest: [String: Int] = [:]
        for (position, load) in loads.enumerated() { latest[load.table + " " + load.sha256] = position }
        return Set(latest.values).sorted().map { loads[$0] }
    }

    public init(loads: [ProvenanceEntry], softwareVersion: String, command: String, parameters: [String]) {
        self.loads = loads
        self.softwareVersion = softwareVersion
        self.command = command
        self.parameters = parameters
    }
}

/// One loaded input file, as the load log recorded it.
public struct ProvenanceEntry: Sendable, Hashable {
    public var file: String
    public var table: String
    public var sha256: String
    public var read: Int
    public var loaded: Int
    public var updated: Int
    public var duplicates: Int
    public var rejected: Int
    /// Reject reasons, most frequent first.
    public var rejectsByReason: [RejectCount]
    public var loadedAt: String
    /// True for a reload of a file loaded before (`ingest --reload`): its counts are the file's
    /// current accounting, and replace those of its earlier loads.
    public var isReload: Bool

    public init(file: String, table: String, sha256: String, read: Int, loaded: Int, updated: Int, duplicates: Int,
                rejected: Int, rejectsByReason: [RejectCount], loadedAt: String, isReload: Bool = false) {
        self.file = file
        self.table = table
        self.sha256 = sha256
        self.read = read
        self.loaded = loaded
        self.updated = updated
        self.duplicates = duplicates
        self.rejected = rejected
        self.rejectsByReason = rejectsByReason
        self.loadedAt = loadedAt
        self.isReload = isReload
    }
}

/// Rows of one file rejected for one reason code.
public struct RejectCount: Sendable, Hashable {
    public var reason: String
    public var count: Int

    public init(reason: String, count: Int) {
        self.reason = reason
        self.count = count
    }
}
