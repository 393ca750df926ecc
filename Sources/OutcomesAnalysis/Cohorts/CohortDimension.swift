import OutcomesCore

/// An episode attribute that cohorts are cut by; raw values are spelled as on the command line.
public enum CohortDimension: String, CaseIterable, Sendable, Hashable, Comparable {
    case program, site
    case levelOfCare = "level_of_care"
    case admissionMonth = "admission_month"
    case admissionQuarter = "admission_quarter"
    case ageBand = "age_band"
    case sex, race, ethnicity, payer
    case referralSource = "referral_source"

    /// Label used for a missing attribute.
    public static let unknown = "unknown"

    /// The value on this dimension of the episode at `position` of `episodes` (`unknown` when
    /// missing or blank), read from its one field: no `Episode` is made (one spelled its
    /// patient's 64-digit key, for every member of every cohort cut).
    public func value(ofEpisodeAt position: Int, in episodes: EpisodeTable) -> String {
        switch self {
        case .program: return episodes.program(at: position)
        case .site: return CohortDimension.label(episodes.site(at: position))
        case .levelOfCare: return episodes.levelOfCare(at: position).rawValue
        case .admissionMonth: return episodes.admissionDate(at: position).monthKey
        case .admissionQuarter:
            let admission = episodes.admissionDate(at: position)
            return "\(admission.year)-Q\((admission.month - 1) / 3 + 1)"
        case .ageBand: return AgeBand.label(age: episodes.ageAtAdmission(at: position))
        case .sex: return CohortDimension.label(episodes.sex(at: position))
        case .race: return CohortDimension.label(episodes.race(at: position))
        case .ethnicity: return CohortDimension.label(episodes.ethnicity(at: position))
        case .payer: return CohortDimension.label(episodes.payer(at: position))
        case .referralSource: return CohortDimension.label(episodes.referralSource(at: position))
        }
    }

    public static func < (lhs: CohortDimension, rhs: CohortDimension) -> Bool {
        lhs.order < rhs.order
    }

    private var order: Int { CohortDimension.allCases.firstIndex(of: self) ?? 0 }

    private static func label(_ text: String?) -> String {
        guard let text, !text.isEmpty else { return unknown }
        return text
    }
}

/// Age bands of SPEC section 5: 13-17, 18-25, 26-44, 45-64, 65+ and unknown.
public enum AgeBand {
    public static let labels = ["13-17", "18-25", "26-44", "45-64", "65+", CohortDimension.unknown]

    /// The band of an age at admission; ages under 13 and missing ages are `unknown`.
    public static func label(age: Int?) -> String {
        guard let age, age >= 13 else { return CohortDimension.unknown }
        switch age {
        case ..<18: return "13-17"
        case ..<26: return "18-25"
        case ..<45: return "26-44"
        case ..<65: return "45-64"
        default: return "65+"
        }
    }
}

extension CohortDimension {
    /// Parses a comma-separated list as the command line takes it (`program,site`): the known
    /// dimensions in order, and any names that are not dimensions (for the error message).
    public static func parse(list text: String) -> (dimensions: [CohortDimension], unknown: [String]) {
        var dimensions: [CohortDimension] = []
        var unknown: [String] = []
        for name in text.split(separator: ",").map({ $0.trimmingSpaces }) where !name.isEmpty {
            if let dimension = CohortDimension(rawValue: name) { dimensions.append(dimension) } else { unknown.append(name) }
        }
        return (dimensions, unknown)
    }
}

private extension Substring {
    var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
