import OutcomesCore

/// One cohort's episodes (positions in the dataset) with what every metric family needs.
public struct CohortContext: Sendable {
    public let dataset: AnalysisDataset
    public let options: AnalysisOptions
    public let windows: AnalysisWindows
    /// Positions in `dataset.episodes` of the cohort's episodes that matter for P.
    public let members: [Int]

    public init(dataset: AnalysisDataset, options: AnalysisOptions, windows: AnalysisWindows, members: [Int]) {
        self.dataset = dataset
        self.options = options
        self.windows = windows
        self.members = members
    }

    /// The whole dataset as one cohort, keeping only episodes that can matter for P's indicators
    /// of `families` (every family unless given: a trend month computing a few families need
    /// not walk the episodes of a retention year it does not compute).
    public init(dataset: AnalysisDataset, options: AnalysisOptions,
                families: Set<MetricFamily> = Set(MetricFamily.allCases)) {
        let windows = AnalysisWindows(period: options.period)
        self.init(dataset: dataset, options: options, windows: windows,
                  members: Self.relevant(dataset.episodes.indices, in: dataset, windows: windows, families: families))
    }

    /// The members that can matter for P's indicators of `families`: the cohorts a dimension
    /// cuts for those families alone are the values among them (a program whose only episode
    /// lies in P's follow-up cohort is no cohort of a funnel of completion).
    public func relevant(to families: Set<MetricFamily>) -> CohortContext {
        CohortContext(dataset: dataset, options: options, windows: windows,
                      members: Self.relevant(members, in: dataset, windows: windows, families: families))
    }

    /// The positions of `positions` admitted by the end of P and not discharged before the
    /// earliest window of `families`; those discharged in their discharge cohort when they look
    /// at that cohort alone (`AnalysisWindows.dischargeCohort(for:)`).
    private static func relevant(_ positions: some Sequence<Int>, in dataset: AnalysisDataset, windows: AnalysisWindows,
                                 families: Set<MetricFamily>) -> [Int] {
        let episodes = dataset.episodes
        if let cohort = windows.dischargeCohort(for: families) {
            return positions.filter { episodes.dischargeDate(at: $0).map(cohort.contains) ?? false }
        }
        let earliestDay = windows.earliestDay(for: families)
        return positions.filter {
            isRelevant(admission: episodes.admissionDate(at: $0), discharge: episodes.dischargeDate(at: $0),
                       from: earliestDay, to: windows.period.to)
        }
    }

    public var period: Period { options.period }

    /// The same dataset, options and windows over no episodes: what a family left out of a
    /// cohort's result is computed over (it writes no metric).
    public var withoutMembers: CohortContext {
        CohortContext(dataset: dataset, options: options, windows: windows, members: [])
    }

    /// Member positions whose discharge date falls in `period`.
    public func discharged(in period: Period) -> [Int] {
        members.filter { [episodes = dataset.episodes] in episodes.dischargeDate(at: $0).map(period.contains) ?? false }
    }

    /// Member positions admitted in `period`.
    public func admitted(in period: Period) -> [Int] {
        members.filter { [episodes = dataset.episodes] in period.contains(episodes.admissionDate(at: $0)) }
    }

    /// Member positions active at the end of P: admitted by then and not yet discharged.
    public var activeAtEnd: [Int] {
        let episodes = dataset.episodes
        return members.filter {
            CohortContext.isActive(admission: episodes.admissionDate(at: $0), discharge: episodes.dischargeDate(at: $0),
                                   on: period.to)
        }
    }

    /// Admitted on or before `day` and not discharged by it.
    static func isActive(admission: Day, discharge: Day?, on day: Day) -> Bool {
        admission <= day && (discharge.map { $0 > day } ?? true)
    }

    /// Admitted by the end of P (`to`) and not discharged before the earliest window's first day (`from`).
    static func isRelevant(admission: Day, discharge: Day?, from: Day, to: Day) -> Bool {
        DataWindow.overlaps(EpisodeSpan(admission: admission, discharge: discharge), from: from, to: to)
    }
}
