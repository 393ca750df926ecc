/// The built-in instruments of SPEC section 4, with their published scoring rules.
public enum BuiltInInstruments {
    public static let all: [Instrument] = [phq9, gad7, pcl5, core10, who5, audit, dast10]

    private static func items(_ count: Int, _ range: ClosedRange<Score>) -> [ItemValues] {
        Array(repeating: ItemValues(range), count: count)
    }

    private static func bands(_ list: [(String, Score, Score)]) -> [SeverityBand] {
        list.map { SeverityBand(label: $0.0, lower: $0.1, upper: $0.2) }
    }

    /// 0.5: response is a final score at or below half the baseline.
    private static let half = Score(unchecked: 5, decimals: 1)

    /// Patient Health Questionnaire-9 (depression). Prorating with up to 2 missing items
    /// follows the NHS Data Dictionary.
    public static let phq9 = Instrument(
        code: "PHQ-9", name: "Patient Health Questionnaire-9", itemValues: items(9, 0...3), totalRange: 0...27,
        bands: bands([("minimal", 0, 4), ("mild", 5, 9), ("moderate", 10, 14), ("moderately severe", 15, 19), ("severe", 20, 27)]),
        casenessCutoff: 10, reliableChangePoints: 6,
        reliableChangeSource: "NHS Talking Therapies manual: reliable change on PHQ-9 is 6 points",
        reliability: 0.89, missingItemRule: .prorate(maxMissing: 2), responseFraction: half, remissionBelow: 5,
        loincPanel: "44249-1", loincTotal: "44261-6"
    ).withLOINC(items: LOINCCodes.phq9Items, answers: LOINCCodes.frequencyAnswers, unscored: [LOINCCodes.difficulty])

    /// Generalized Anxiety Disorder-7. Prorating with up to 1 missing item.
    public static let gad7 = Instrument(
        code: "GAD-7", name: "Generalized Anxiety Disorder-7", itemValues: items(7, 0...3), totalRange: 0...21,
        bands: bands([("minimal", 0, 4), ("mild", 5, 9), ("moderate", 10, 14), ("severe", 15, 21)]),
        casenessCutoff: 8, reliableChangePoints: 4,
        reliableChangeSource: "NHS Talking Therapies manual: reliable change on GAD-7 is 4 points",
        reliability: 0.92, missingItemRule: .prorate(maxMissing: 1), responseFraction: half, remissionBelow: 5,
        loincPanel: "69737-5", loincTotal: "70274-6"
    ).withLOINC(items: LOINCCodes.gad7Items, answers: LOINCCodes.frequencyAnswers, unscored: [LOINCCodes.difficulty])

    /// PTSD Checklist for DSM-5.
    public static let pcl5 = Instrument(
        code: "PCL-5", name: "PTSD Checklist for DSM-5", itemValues: items(20, 0...4), totalRange: 0...80,
        casenessCutoff: 33, reliableChangePoints: 10,
        reliableChangeSource: "National Center for PTSD: 10 points is a clinically meaningful change",
        reliability: 0.94, loincPanel: "101697-1", loincTotal: LOINCCodes.pcl5Total)

    /// Clinical Outcomes in Routine Evaluation-10; items 2 and 3 are wellbeing items, scored in reverse.
    public static let core10 = Instrument(
        code: "CORE-10", name: "Clinical Outcomes in Routine Evaluation-10", itemValues: items(10, 0...4),
        reverseScoredItems: [2, 3], totalRange: 0...40,
        bands: bands([("healthy", 0, 5), ("low", 6, 10), ("mild", 11, 14), ("moderate", 15, 19),
                      ("moderately severe", 20, 24), ("severe", 25, 40)]),
        casenessCutoff: 11, reliableChangePoints: 6,
        reliableChangeSource: "Barkham et al. 2013: reliable change on CORE-10 is 6 points",
        reliability: 0.90)

    /// WHO-5 Well-Being Index: raw 0-25, reported x4 on 0-100; higher is better.
    public static let who5 = Instrument(
        code: "WHO-5", name: "WHO-5 Well-Being Index", itemValues: items(5, 0...5), totalRange: 0...25,
        direction: .higherIsBetter, reportingFactor: 4,
        bands: bands([("poor wellbeing", 0, 50), ("adequate wellbeing", 51, 100)]),
        casenessCutoff: 50, reliableChangePoints: 10,
        reliableChangeSource: "Topp et al. 2015: a 10-point change on the 0-100 scale is clinically relevant")

    /// Alcohol Use Disorders Identification Test; items 9 and 10 take 0, 2 or 4.
    public static let audit = Instrument(
        code: "AUDIT", name: "Alcohol Use Disorders Identification Test",
        itemValues: items(8, 0...4) + [[0, 2, 4], [0, 2, 4]], totalRange: 0...40,
        bands: bands([("zone I", 0, 7), ("zone II", 8, 15), ("zone III", 16, 19), ("zone IV", 20, 40)]),
        casenessCutoff: 8, loincPanel: "72110-0", loincTotal: "75624-7"
    ).withLOINC(items: LOINCCodes.auditItems, answers: LOINCCodes.auditAnswers, unscored: [])

    /// Drug Abuse Screening Test-10; item 3 is scored in reverse.
    public static let dast10 = Instrument(
        code: "DAST-10", name: "Drug Abuse Screening Test-10", itemValues: items(10, 0...1),
        reverseScoredItems: [3], totalRange: 0...10,
        bands: bands([("none", 0, 0), ("low", 1, 2), ("moderate", 3, 5), ("substantial", 6, 8), ("severe", 9, 10)]),
        casenessCutoff: 3, loincPanel: "82666-9", loincTotal: "82667-7"
    ).withLOINC(items: [], answers: LOINCCodes.yesNoAnswers, unscored: [])
}
