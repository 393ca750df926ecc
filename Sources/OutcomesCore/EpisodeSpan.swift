/// The dates that bound an episode, as the validator needs them for `outside_episode`.
public struct EpisodeSpan: Hashable, Sendable {
    public var admission: Day
    /// nil while the episode is active.
    public var discharge: Day?

    public init(admission: Day, discharge: Day?) {
        self.admission = admission
        self.discharge = discharge
    }

    /// True when `day` falls from admission to discharge, both included (admission - 0 days
    /// to discharge + 0 days; an active episode has no upper bound).
    public func contains(_ day: Day) -> Bool {
        day >= admission && (discharge.map { day <= $0 } ?? true)
    }
}

extension Episode {
    /// The episode's admission and discharge.
    public var span: EpisodeSpan { EpisodeSpan(admission: admissionDate, discharge: dischargeDate) }
}
