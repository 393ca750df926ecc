import OutcomesCore

/// Post-discharge acute care (`ed_visit`, `psych_inpatient`, `crisis_contact`) and readmission
/// (another episode of the same patient, any program or level of care) on days 1...N after
/// discharge, for the newest discharge cohort whose N-day window has fully elapsed by the end of P.
public struct PostDischarge: Sendable {
    /// Days after discharge.
    public var windowDays: Int
    /// The discharges followed (said so on the page).
    public var cohort: Period
    public var discharges = 0
    public var withAcuteCare = 0
    public var readmitted = 0

    public init(_ context: CohortContext, windowDays: Int, cohort: Period) {
        self.windowDays = windowDays
        self.cohort = cohort
        for position in context.discharged(in: cohort) {
            guard let discharge = context.dataset.episodes[position].dischargeDate else { continue }
            discharges += 1
            let window = discharge.adding(days: 1)...discharge.adding(days: windowDays)
            if context.dataset.patientEvents(ofEpisodeAt: position).contains(where: { $0.type.isAcuteCare && window.contains($0.date) }) {
                withAcuteCare += 1
            }
            if context.dataset.patientEpisodes(ofEpisodeAt: position).contains(where: { window.contains($0.admissionDate) }) {
                readmitted += 1
            }
        }
    }

    /// Writes `relapse.acute_care_<N>_rate` and `relapse.readmission_<N>_rate`.
    public func write(to metrics: inout MetricSet) {
        metrics.set("relapse.acute_care_\(windowDays)_rate", .rate(withAcuteCare, discharges))
        metrics.set("relapse.readmission_\(windowDays)_rate", .rate(readmitted, discharges))
    }
}
