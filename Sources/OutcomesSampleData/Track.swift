/// One treatment track of the synthetic network: its program code and what is typical of it.
struct Track: Sendable {
    /// Program code written to `episodes.program`.
    var code: String
    /// Share of admissions.
    var weight: Double
    /// Sites that run the track.
    var sites: [String]
    /// Share of episodes at partial hospitalization (PHP) level.
    var phpShare: Double
    /// ICD-10-CM primary diagnoses with weights.
    var diagnoses: [(String, Double)]
    /// Goal domains a treatment plan draws from.
    var goalDomains: [String]
    /// Adolescent track: ages 13-17, shorter groups, family sessions.
    var isAdolescent: Bool = false
    /// Substance-use track: AUDIT and DAST-10, return-to-use events.
    var isSubstanceUse: Bool = false
    /// Trauma track: PCL-5.
    var isTrauma: Bool = false
    /// Share of patients who are female.
    var femaleShare: Double = 0.55

    /// The six tracks over three sites.
    static let all: [Track] = [
        Track(code: "adult-mh", weight: 0.30, sites: ["riverside", "downtown", "lakeview"], phpShare: 0.15,
              diagnoses: [("F33.1", 0.30), ("F32.1", 0.20), ("F33.2", 0.10), ("F41.1", 0.20), ("F31.81", 0.08),
                          ("F43.23", 0.12)],
              goalDomains: ["symptoms", "coping", "relationships", "work-school", "safety", "daily-living"]),
        Track(code: "adolescent", weight: 0.15, sites: ["riverside", "lakeview"], phpShare: 0.10,
              diagnoses: [("F32.1", 0.30), ("F41.1", 0.25), ("F43.23", 0.15), ("F33.1", 0.15), ("F90.2", 0.15)],
              goalDomains: ["symptoms", "coping", "relationships", "work-school", "safety"],
              isAdolescent: true, femaleShare: 0.62),
        Track(code: "dual-diagnosis", weight: 0.15, sites: ["downtown", "lakeview"], phpShare: 0.15,
              diagnoses: [("F10.20", 0.35), ("F11.20", 0.20), ("F33.1", 0.20), ("F14.20", 0.10), ("F41.1", 0.15)],
              goalDomains: ["sobriety", "symptoms", "coping", "relationships", "work-school"],
              isSubstanceUse: true, femaleShare: 0.42),
        Track(code: "sud", weight: 0.18, sites: ["riverside", "downtown", "lakeview"], phpShare: 0.08,
              diagnoses: [("F10.20", 0.40), ("F11.20", 0.25), ("F12.20", 0.12), ("F14.20", 0.10), ("F15.20", 0.13)],
              goalDomains: ["sobriety", "coping", "relationships", "work-school"],
              isSubstanceUse: true, femaleShare: 0.35),
        Track(code: "trauma", weight: 0.12, sites: ["downtown", "riverside"], phpShare: 0.10,
              diagnoses: [("F43.10", 0.55), ("F43.12", 0.35), ("F43.11", 0.10)],
              goalDomains: ["symptoms", "coping", "safety", "relationships"],
              isTrauma: true, femaleShare: 0.60),
        Track(code: "eating-disorders", weight: 0.10, sites: ["downtown"], phpShare: 0.35,
              diagnoses: [("F50.2", 0.40), ("F50.01", 0.25), ("F50.81", 0.20), ("F50.9", 0.15)],
              goalDomains: ["symptoms", "coping", "relationships", "daily-living"],
              femaleShare: 0.88),
    ]
}
