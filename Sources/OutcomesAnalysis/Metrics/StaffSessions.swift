/// One clinician's sessions dated in P (from the sessions' `staff_id`): the attendance and
/// no-show rates of the funnel by staff (internal reports only).
public struct StaffSessions: Sendable, Equatable {
    /// The staff identifier as recorded; nil for sessions without one.
    public var staff: String?
    /// Every status except `cancelled_program`.
    public var scheduled = 0
    /// `attended`, `late` and `left_early`.
    public var attended = 0
    /// `no_show`.
    public var noShows = 0

    /// A clinician with nothing counted yet.
    public init(staff: String?) {
        self.staff = staff
    }

    /// One tally per staff identifier, sorted by identifier, sessions without one last.
    static func sorted(_ tallies: [StaffSessions]) -> [StaffSessions] {
        tallies.sorted { left, right in
            switch (left.staff, right.staff) {
            case let (l?, r?): return l < r
            case (_?, nil): return true
            default: return false
            }
        }
    }
}
