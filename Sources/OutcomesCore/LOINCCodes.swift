/// LOINC codes of the built-in instruments' items and answers, as the LOINC panels 44249-1
/// (PHQ-9), 69737-5 (GAD-7) and 72110-0 (AUDIT) list them and the HL7 scored-assessment examples
/// use them. (PCL-5 and DAST-10 have panel, total and answer codes only here: their item codes
/// could not be checked against LOINC, so they are left out; their items load by registry code,
/// `PCL-5/3`, or through a Questionnaire that codes them.)
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
    /// AUDIT's answer lists, each answer with its points: LL2179-1 (item 1: never 0, monthly or
    /// less 1, 2-4 times a month 2, 2-3 times a week 3, 4 or more times a week 4), LL2180-9 (item 2:
    /// 1 or 2 0, 3 or 4 1, 5 or 6 2, 7 to 9 3, 10 or more 4), LL2181-7 (items 3-8: never 0, less than
    /// monthly 1, monthly 2, weekly 3, daily or almost daily 4; "never" is the same LA6270-8 as in
    /// LL2179-1) and items 9-10 (no 0, yes but not in the last year 2, yes during the last year 4).
    public static let auditAnswers: [String: Score] = [
        "LA6270-8": 0, "LA18926-8": 1, "LA18927-6": 2, "LA18928-4": 3, "LA18929-2": 4,
        "LA15694-5": 0, "LA15695-2": 1, "LA18930-0": 2, "LA18931-8": 3, "LA18932-6": 4,
        "LA18933-4": 1, "LA18876-5": 2, "LA18891-4": 3, "LA18934-2": 4,
        "LA32-8": 0, "LA32279-4": 2, "LA32280-2": 4,
    ]
    /// The yes/no answer list LL361-7 as DAST-10 scores it before reverse scoring: yes 1, no 0
    /// (item 3, "able to stop", is reverse-scored by the instrument).
    public static let yesNoAnswers: [String: Score] = ["LA33-6": 1, "LA32-8": 0]
    /// The PCL-5 total score, "PTSD PCL-5 score [PCL-5]" (1Mo, Qn, method PCL-5).
    public static let pcl5Total = "101698-9"
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
