import OutcomesCore

/// Retention: Kaplan-Meier of days from admission to dropout, over episodes admitted in the 12
/// months ending with P, followed to the end of P; other endings and active episodes are censored.
public struct Retention: Sendable {
    public var curve: KaplanMeierCurve
    /// The admissions followed.
    public var window: Period

    public init(_ context: CohortContext) {
        window = context.windows.retention
        let end = context.period.to
        let observations = context.admitted(in: window).map { position -> SurvivalObservation in
            let episode = context.dataset.episodes[position]
            if let discharge = episode.dischargeDate, discharge <= end {
                return SurvivalObservation(time: episode.admissionDate.days(to: discharge),
                                           event: episode.dischargeReason?.isDropout == true)
            }
            return SurvivalObservation(time: episode.admissionDate.days(to: end), event: false)
        }
        curve = KaplanMeierCurve(observations)
    }

    public func write(to metrics: inout MetricSet) {
        metrics.set(MetricID.retentionMedian, .statistic(
            value: curve.median, n: curve.n, ciLow: curve.medianCILow, ciHigh: curve.medianCIHigh))
    }
}
