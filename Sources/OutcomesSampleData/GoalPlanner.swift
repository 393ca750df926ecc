import OutcomesCore

/// Plans 2 to 4 treatment-plan goals per episode, rated at discharge for most discharged
/// episodes (completers mostly at 0 or +1, dropouts lower) and unrated while active.
enum GoalPlanner {
    static func goals(episodeID: String, course: EpisodeCourse, random: inout SampleRandom) -> [GoalRow] {
        var domains = course.track.goalDomains
        var chosen: [String] = []
        if course.track.isSubstanceUse, let index = domains.firstIndex(of: "sobriety") {
            chosen.append(domains.remove(at: index))
        }
        let count = random.int(2...4)
        while chosen.count < count, !domains.isEmpty {
            chosen.append(domains.remove(at: random.int(0...(domains.count - 1))))
        }
        let rated = course.discharge != nil && random.chance(course.reason == .lostToContact ? 0.6 : 0.92)
        return chosen.enumerated().map { index, domain in
            let weight: Int? = random.chance(0.15) ? nil : random.weighted([(1, 0.4), (2, 0.4), (3, 0.2)])
            let baseline = random.chance(0.2) ? -2 : -1
            var attained: Int?
            if rated { attained = max(-2, random.weighted(levels(course.reason)) + (baseline == -2 ? -1 : 0)) }
            let goal = Goal(episodeID: episodeID, goalID: "G\(index + 1)", domain: domain,
                            weight: Double(weight ?? 1), baselineLevel: baseline, attainedLevel: attained,
                            ratedOn: rated ? course.discharge : nil)
            return GoalRow(goal: goal, writtenWeight: weight)
        }
    }

    /// Attained levels by how the episode ended.
    private static func levels(_ reason: DischargeReason) -> [(Int, Double)] {
        switch reason {
        case .completed, .stepDown: return [(-2, 0.02), (-1, 0.13), (0, 0.45), (1, 0.30), (2, 0.10)]
        case .ama, .lostToContact, .stepUp: return [(-2, 0.15), (-1, 0.45), (0, 0.28), (1, 0.10), (2, 0.02)]
        default: return [(-2, 0.05), (-1, 0.30), (0, 0.40), (1, 0.20), (2, 0.05)]
        }
    }
}
