extension AnalysisResult {
    /// True when nothing is recorded during P: no admission, no discharge and no session (an
    /// episode left open reads as active in any later month, so activity is what tells). P is
    /// then probably before the program's data or after its newest load.
    public var nothingRecordedInPeriod: Bool {
        guard let cohort = overall else { return true }
        let (census, sessions) = (cohort.census, cohort.attendance)
        return census.admissions == 0 && census.discharges == 0
            && sessions.scheduled + sessions.programCancellations == 0
    }

    /// The note `analyze` and `report` print when `nothingRecordedInPeriod`.
    public var emptyPeriodNote: String {
        "note: nothing is recorded during \(period) in this database (no admission, discharge or session), "
            + "so its figures are empty or carried over from earlier; check --period, or load its data first\n"
    }
}
