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
    /// Each discharge followed, with its first acute-care event and readmission in the window;
    /// empty unless the options keep episode facts.
    public var episodes: [EpisodeFacts] = []

    /// One discharge followed: its first acute-care event and readmission in the window.
    public struct EpisodeFacts: Hashable, Sendable {
        public var episodeID: String
        public var discharge: Day
        public var acuteCare: ClinicalEvent?
        public var readmission: Day?
    }

    public init(_ context: CohortContext, windowDays: Int, cohort: Period) {
        self.windowDays = windowDays
        self.cohort = cohort
        let dataset = context.dataset  // read once for every member
        for position in context.discharged(in: cohort) {
            guard let discharge = dataset.episodes.dischargeDate(at: position) else { continue }
            discharges += 1
            let window = discharge.adding(days: 1)...discharge.adding(days: windowDays)
            let acuteCare = dataset.firstPatientEvent(ofEpisodeAt: position) { $0.isAcuteCare && window.contains($1) }
            let readmission = dataset.firstPatientAdmission(ofEpisodeAt: position, in: window)
            if context.options.keepsEpisodeFacts {
                episodes.append(EpisodeFacts(episodeID: dataset.episodes.episodeID(at: position), discharge: discharge,
                                             acuteCare: acuteCare, readmission: readmission))
            }
            if acuteCare != nil { withAcuteCare += 1 }
            if readmission != nil { readmitted += 1 }
        }
    }

    /// The acute-care and readmission identifiers of an N-day window.
    public static func ids(windowDays: Int) -> (acuteCare: String, readmission: String) {
        windowDays == 30 ? (MetricID.acuteCare30Rate, MetricID.readmission30Rate) : (MetricID.acuteCare90Rate, MetricID.readmission90Rate)
    }

    /// Writes `relapse.acute_care_<N>_rate` and `relapse.readmission_<N>_rate`.
    public func write(to metrics: inout MetricSet) {
        let ids = Self.ids(windowDays: windowDays)
        metrics.set(ids.acuteCare, .rate(withAcuteCare, discharges))
        metrics.set(ids.readmission, .rate(readmitted, discharges))
    }
}
