import OutcomesCore

/// How reliable change is judged (SPEC section 5).
public enum ReliableChangeMethod: String, CaseIterable, Sendable {
    /// The registry's published threshold in points; a change at the threshold counts (>=).
    case published
    /// Jacobson-Truax: 1.96 x SD of the cohort's baselines x sqrt(2 (1 - r)); strict (>).
    case jacobsonTruax = "jacobson-truax"
}

/// Minimum weekly service hours for an adequate dose.
public struct DoseMinimum: Hashable, Sendable {
    public var adultHours: Double
    /// Applies when age at admission is under 18.
    public var adolescentHours: Double

    /// 9 hours for adults and 6 under 18 (ASAM level 2.1, CMS IOP rules).
    public init(adultHours: Double = 9, adolescentHours: Double = 6) {
        self.adultHours = adultHours
        self.adolescentHours = adolescentHours
    }

    /// The minimum for an age at admission; a missing age uses the adult minimum.
    public func hours(age: Int?) -> Double {
        guard let age, age < 18 else { return adultHours }
        return adolescentHours
    }
}

/// Parameters of one analysis run.
public struct AnalysisOptions: Sendable {
    /// The reporting period P.
    public var period: Period
    public var reliableChange: ReliableChangeMethod
    /// Dose minimum for programs without their own.
    public var doseMinimum: DoseMinimum
    /// Per-program dose minimums, by program code.
    public var doseMinimumByProgram: [String: DoseMinimum]
    /// Programs whose discharges enter the return-to-use indicator.
    public var substanceUsePrograms: Set<String>
    /// Inter-goal correlation of the GAS T score.
    public var gasRho = GoalAttainment.defaultRho
    /// Whether each cohort's result keeps every episode's facts (what `explain` and the
    /// registry's members read). A report or `analyze` leaves them out: at 200,000 episodes and
    /// seven dimensions they were the larger part of a report's memory. Without them no family
    /// collects them (collected and dropped, they were 35 MB of qi-review's peak).
    public var keepsEpisodeFacts = true
    /// Whether the overall cohort keeps its outcomes' score trajectories when `keepsEpisodeFacts`
    /// is off (every other cohort then drops them): a report's spaghetti chart draws P's overall
    /// cohort and nothing draws another's. A trajectory reads its scores where the dataset holds
    /// them (`ScoreList`), so each costs its episode id and a reference, not a copy of its scores.
    public var keepsOverallTrajectories = true

    public init(
        period: Period, reliableChange: ReliableChangeMethod = .published, doseMinimum: DoseMinimum = DoseMinimum(),
        doseMinimumByProgram: [String: DoseMinimum] = [:], substanceUsePrograms: Set<String> = ["sud", "dual-diagnosis"]
    ) {
        self.period = period
        self.reliableChange = reliableChange
        self.doseMinimum = doseMinimum
        self.doseMinimumByProgram = doseMinimumByProgram
        self.substanceUsePrograms = substanceUsePrograms
    }

    /// The weekly dose minimum in hours for the episode at `position` of `episodes`.
    public func doseMinimumHours(forEpisodeAt position: Int, of episodes: EpisodeTable) -> Double {
        let minimum = doseMinimumByProgram[episodes.program(at: position)] ?? doseMinimum
        return minimum.hours(age: episodes.ageAtAdmission(at: position))
    }

    /// The same options with `keepsOverallTrajectories` off.
    public var withoutTrajectories: AnalysisOptions {
        var copy = self
        copy.keepsOverallTrajectories = false
        return copy
    }

    /// The same options for another period.
    public func with(period: Period) -> AnalysisOptions {
        var copy = self
        copy.period = period
        return copy
    }
}
