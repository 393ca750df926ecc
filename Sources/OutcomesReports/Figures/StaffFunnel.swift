import OutcomesAnalysis

/// The funnel plot by clinician: `by: staff` on a funnel of attendance or no-show rate, from
/// the sessions' `staff_id`. Internal reports only: it names staff.
public enum StaffFunnel {
    /// The `by` value that asks for it.
    public static let dimension = "staff"
    /// The metrics it can show.
    static let metrics = [MetricID.attendanceRate, MetricID.noShowRate]

    /// The numerator and denominator of `metric` for one clinician; nil for other metrics.
    static func group(_ tally: StaffSessions, metric: String, name: String) -> FunnelGroup? {
        switch metric {
        case MetricID.attendanceRate:
            return FunnelGroup(name: name, numerator: tally.attended, denominator: tally.scheduled)
        case MetricID.noShowRate:
            return FunnelGroup(name: name, numerator: tally.noShows, denominator: tally.scheduled)
        default: return nil
        }
    }
}

extension ChartFactory {
    /// Attendance or no-show rate by clinician over the sessions dated in P; sessions without a
    /// recorded clinician are counted in a note, not plotted. Never drawn for an external report.
    func staffFunnel(metric id: String) -> Made? {
        guard !privacy.external, let tallies = overall?.attendance.byStaff else { return nil }
        let groups = tallies.compactMap { tally in
            tally.staff.flatMap { StaffFunnel.group(tally, metric: id, name: $0) }
        }
        let unrecorded = tallies.first { $0.staff == nil }?.scheduled ?? 0
        let notes = unrecorded > 0
            ? ["\(Format.count(unrecorded)) scheduled sessions without a recorded clinician are not plotted."] : []
        return funnel(groups, metric: id, by: StaffFunnel.dimension,
                      name: "funnel-\(ChartFactory.slug(id))-by-staff", notes: notes)
    }
}
