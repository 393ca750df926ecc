/// A report layout read from `Reports/*.yaml`: what the report is, for whom, over which
/// period, and its sections in order. Programs copy and edit these files; no recompiling.
public struct ReportDefinition: Sendable, Equatable {
    /// `internal` reports may carry an episode-level watch list; `external` ones are
    /// de-identified with small cells suppressed.
    public enum Audience: String, Sendable, CaseIterable {
        case `internal`, external
    }

    /// How the reporting period follows from `--period YYYY-MM`.
    public enum PeriodRule: String, Sendable, CaseIterable {
        /// The given month.
        case month
        /// The 12 months ending with the given month.
        case trailing12Months = "trailing_12_months"
        /// The 24 months ending with the given month.
        case trailing24Months = "trailing_24_months"
    }

    public var title: String
    public var audience: Audience
    public var period: PeriodRule
    /// Months in trend charts and sparklines.
    public var trendMonths: Int
    /// Program description, shown where a text block says `{program_description}`.
    public var description: String?
    /// Start with a cover page (else a title block on the first page).
    public var cover: Bool
    public var sections: [ReportSection]
    /// The file it came from, for error messages.
    public var source: String
    /// Process changes the program records; every spc chart starts a new phase at each.
    public var changes: [ProcessChange] = []
}

/// One titled section of a report: blocks drawn in order.
public struct ReportSection: Sendable, Equatable {
    public var title: String
    public var blocks: [ReportBlock]
    /// Start the section on a new page.
    public var newPage: Bool
}

/// Something a section shows.
public enum ReportBlock: Sendable, Equatable {
    /// A paragraph of text.
    case text(String)
    /// Headline figures: value, change from the previous period, sparkline, target.
    case headline([HeadlineMetric])
    /// A table of metrics with numerators and denominators.
    case metrics([String])
    case chart(ChartRequest)
    case table(TableRequest)
}

/// A headline figure with an optional target.
public struct HeadlineMetric: Sendable, Equatable {
    public var metric: String
    public var label: String?
    public var target: Double?
    /// Whether a higher value is better (attendance) or worse (dropout).
    public var higherIsBetter: Bool
}

/// A chart in a section.
public struct ChartRequest: Sendable, Equatable {
    public var kind: ReportChartKind
    public var metric: String?
    public var instrument: String?
    public var by: String?
    public var target: Double?
    public var fullWidth: Bool
    /// Frozen limits, phases and excluded months of an spc chart; empty for every other kind.
    public var adjustments = SPCAdjustments()
}

/// A table in a section.
public struct TableRequest: Sendable, Equatable {
    public var kind: ReportTableKind
    public var instrument: String?
    public var by: String?
    /// The most rows a watch list shows (`max_rows`): a longer list shows its most urgent entries
    /// (`WatchList.mostUrgent`), counted per track and reason. `nil`: the whole list.
    public var maxRows: Int?
}

/// Charts a report definition can ask for.
public enum ReportChartKind: String, Sendable, CaseIterable {
    case trend, spc, dischargeReasons = "discharge_reasons", sessionMix = "session_mix"
    case severityBands = "severity_bands", changeByCohort = "change_by_cohort", severityShift = "severity_shift"
    case retention, goalAttainment = "goal_attainment", funnel, trajectories
}

/// Tables a report definition can ask for.
public enum ReportTableKind: String, Sendable, CaseIterable {
    case census, dischargeReasons = "discharge_reasons", outcomes, severityShift = "severity_shift"
    case goalsByDomain = "goals_by_domain", relapse, equity, watchList = "watch_list", instruments
    case definitions, completeness, provenance, contents, nationalReference = "national_reference"
}
