/// A program's analysis settings, as a settings file gives them (SPEC section 5 names what is
/// configurable): the weekly dose minimum overall and per program, the substance-use programs of
/// the return-to-use indicator, and the GAS rho. A nil field keeps the built-in default.
public struct ProgramSettings: Hashable, Sendable {
    /// Minimum weekly service hours for adults and for episodes under 18 at admission.
    public struct Dose: Hashable, Sendable {
        public var adultHours: Double?
        public var adolescentHours: Double?

        public init(adultHours: Double? = nil, adolescentHours: Double? = nil) {
            self.adultHours = adultHours
            self.adolescentHours = adolescentHours
        }
    }

    public var dose: Dose
    /// Per-program dose minimums, by program code; a program's missing figure falls back to `dose`.
    public var doseByProgram: [String: Dose]
    public var substanceUsePrograms: Set<String>?
    /// Inter-goal correlation of the Kiresuk-Sherman T, 0 <= rho < 1.
    public var gasRho: Double?
    /// The program's targets by metric identifier, each with the line that set it (for errors).
    public var targets: [Target] = []

    /// A target for a metric, in the metric's own units (a rate as a proportion: 0.8).
    public struct Target: Hashable, Sendable {
        public var metric: String
        public var value: Double
        /// The settings file's line, to name in an error about the metric.
        public var line: Int?

        public init(metric: String, value: Double, line: Int? = nil) {
            self.metric = metric
            self.value = value
            self.line = line
        }
    }

    public init(dose: Dose = Dose(), doseByProgram: [String: Dose] = [:], substanceUsePrograms: Set<String>? = nil,
                gasRho: Double? = nil) {
        self.dose = dose
        self.doseByProgram = doseByProgram
        self.substanceUsePrograms = substanceUsePrograms
        self.gasRho = gasRho
    }
}
