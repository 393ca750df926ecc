/// LOINC codes of the built-in instruments' items and answers, as the LOINC panels 44249-1
/// (PHQ-9), 69737-5 (GAD-7) and 72110-0 (AUDIT) list them and the HL7 scored-assessment examples
/// use them. (PCL-5 and DAST-10 have panel and total codes only here: their item codes and
/// AUDIT's answer codes were not checked against LOINC, so they are left out.)
public enum LOINCCodes {
    /// PHQ-9 items 1-9: interest, mood, sleep, energy, appetite, self-worth, concentration,
    /// psychomotor, thoughts of self-harm.
    public static let phq9Items = ["44250-9", "44255-8", "44259-0", "44254-1", "44251-7", "44258-2", "44252-5",
                                   "44253-3", "44260-8"]
    /// GAD-7 items 1-7: nervous, cannot stop worrying, worrying too much, trouble relaxing,
    /// restless, irritable, afraid.
    public static let gad7Items = ["69725-0", "68509-9", "69733-4", "69734-2", "69735-9", "69689-8", "69736-7"]
    /// The answer list LL358-3 shared by PHQ-9 and GAD-7 items: not at all (0), several days
    /// (1), more than half the days (2), nearly every day (3).
    public static let frequencyAnswers: [String: Score] = ["LA6568-5": 0, "LA6569-3": 1, "LA6570-1": 2, "LA6571-9": 3]
    /// AUDIT items 1-10 (panel 72110-0): how often a drink, drinks on a typical day, six or more
    /// on one occasion, not able to stop, failed expectations, morning drink, guilt, unable to
    /// remember, injured, others concerned. (The panel's sex question, 46098-0, is asked in many
    /// other forms and is not listed.)
    public static let auditItems = ["68518-0", "68519-8", "68520-6", "97734-8", "97735-5", "97736-3", "97737-1",
                                    "97738-9", "97739-7", "97740-5"]
    /// "How difficult have these problems made it ...", asked after PHQ-9 and GAD-7, never summed.
    public static let difficulty = "69722-7"
}

extension Instrument {
    /// A copy with its item codes, answer codes and unscored codes set.
    public func withLOINC(items: [String], answers: [String: Score], unscored: Set<String>) -> Instrument {
        var copy = self
        copy.loincItems = items
        copy.loincAnswers = answers
        copy.loincUnscored = unscored
        return copy
    }
}
