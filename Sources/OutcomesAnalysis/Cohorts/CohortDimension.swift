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

    /// The episode's value on this dimension (`unknown` when missing or blank).
    public func value(of episode: Episode) -> String {
        switch self {
        case .program: return episode.program
        case .site: return CohortDimension.label(episode.site)
        case .levelOfCare: return episode.levelOfCare.rawValue
        case .admissionMonth: return episode.admissionDate.monthKey
        case .admissionQuarter:
            return "\(episode.admissionDate.year)-Q\((episode.admissionDate.month - 1) / 3 + 1)"
        case .ageBand: return AgeBand.label(age: episode.ageAtAdmission)
        case .sex: return CohortDimension.label(episode.sex)
        case .race: return CohortDimension.label(episode.race)
        case .ethnicity: return CohortDimension.label(episode.ethnicity)
        case .payer: return CohortDimension.label(episode.payer)
        case .referralSource: return CohortDimension.label(episode.referralSource)
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
