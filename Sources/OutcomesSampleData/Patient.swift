import OutcomesCore

/// A synthetic patient: the attributes that stay the same when the patient is readmitted.
struct Patient: Sendable {
    /// Source medical record number, for example `MRN004211`.
    var mrn: String
    /// The day the patient turned the age they had at first admission (for ages at readmission).
    var ageAnchor: Day
    var ageAtAnchor: Int
    var sex: String
    var race: String
    var ethnicity: String
    var payer: String

    /// Age in whole years on `day`.
    func age(on day: Day) -> Int { ageAtAnchor + max(0, ageAnchor.days(to: day)) / 365 }

    /// A new patient for `track`, numbered `number` (MRNs are a permutation of 0..<1,000,000).
    static func make(number: Int, track: Track, admission: Day, random: inout SampleRandom) -> Patient {
        let scrambled = (4211 + number * 7919) % 1_000_000
        let age: Int
        if track.isAdolescent {
            age = random.int(13...17)
        } else {
            age = min(75, max(18, Int(random.normal(mean: track.code == "eating-disorders" ? 26 : 38, sd: 13))))
        }
        let sex: String = random.chance(track.femaleShare) ? "female" : (random.chance(0.97) ? "male" : "other")
        let payer: String = track.isAdolescent
            ? random.weighted([("Medicaid", 0.45), ("Commercial", 0.50), ("Self-pay", 0.05)])
            : random.weighted(age >= 65
                ? [("Medicare", 0.80), ("Commercial", 0.12), ("Medicaid", 0.08)]
                : [("Commercial", 0.48), ("Medicaid", 0.36), ("Medicare", 0.04), ("Tricare", 0.04), ("Self-pay", 0.08)])
        return Patient(
            mrn: "MRN" + pad(scrambled, 6), ageAnchor: admission, ageAtAnchor: age, sex: sex,
            race: random.weighted(races), ethnicity: random.weighted(ethnicities), payer: payer)
    }

    /// Referral sources, more school and family referrals for adolescents.
    static func referralSource(adolescent: Bool, random: inout SampleRandom) -> String {
        adolescent
            ? random.weighted([("school", 0.25), ("outpatient therapist", 0.25), ("family", 0.20),
                               ("emergency department", 0.15), ("inpatient unit, step-down", 0.15)])
            : random.weighted([("self", 0.18), ("primary care", 0.18), ("outpatient therapist", 0.22),
                               ("inpatient unit, step-down", 0.18), ("emergency department", 0.12),
                               ("court, probation", 0.06), ("employee assistance", 0.06)])
    }

    static let races: [(String, Double)] = [
        ("White", 0.58), ("Black or African American", 0.17), ("Asian", 0.06),
        ("American Indian or Alaska Native", 0.02), ("Native Hawaiian or Other Pacific Islander", 0.01),
        ("More than one race", 0.06), ("Unknown", 0.10),
    ]

    static let ethnicities: [(String, Double)] = [
        ("Not Hispanic or Latino", 0.76), ("Hispanic or Latino", 0.18), ("Unknown", 0.06),
    ]
}

/// `value` in decimal, left-padded with zeros to `width` digits.
func pad(_ value: Int, _ width: Int) -> String {
    let text = String(value)
    return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
}
