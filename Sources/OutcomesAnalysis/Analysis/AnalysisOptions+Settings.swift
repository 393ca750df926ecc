import OutcomesCore

extension AnalysisOptions {
    /// The options of a run for P with a program's settings: each setting the file gives replaces
    /// the default; a program's dose minimum falls back, figure by figure, to the overall one.
    public init(period: Period, reliableChange: ReliableChangeMethod, settings: ProgramSettings) {
        self.init(period: period, reliableChange: reliableChange)
        doseMinimum = DoseMinimum(settings.dose, fallback: doseMinimum)
        doseMinimumByProgram = settings.doseByProgram.mapValues { DoseMinimum($0, fallback: doseMinimum) }
        if let programs = settings.substanceUsePrograms { substanceUsePrograms = programs }
        if let rho = settings.gasRho { gasRho = rho }
    }
}

extension DoseMinimum {
    /// The figures a settings entry gives, the rest from `fallback`.
    init(_ dose: ProgramSettings.Dose, fallback: DoseMinimum) {
        self.init(adultHours: dose.adultHours ?? fallback.adultHours,
                  adolescentHours: dose.adolescentHours ?? fallback.adolescentHours)
    }
}
