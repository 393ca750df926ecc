import OutcomesCore

/// The real export shapes of the EHR export (SPEC section 2): which rows leave the wide,
/// episode-keyed files, and how the extra files look.
///
/// - Sessions of the last `appointmentMonths` months before the end date go to monthly
///   `appointments-YYYY-MM.csv` files keyed by MRN, with date-times (`MM/dd/yyyy hh:mm a`).
/// - PHQ-9 and GAD-7 scores with items, dated inside their episode in those months, go to `flowsheet.csv`, one
///   row per item answer as text (PHQ-9 items by number, GAD-7 items by LOINC code) plus a
///   total row, keyed by MRN, with ISO 8601 date-times carrying an offset.
/// - PHQ-9 and GAD-7 totals without items, dated inside their episode, go to the
///   measurement platform's `measures-feed.csv`, keyed by MRN.
///
/// Only rows dated inside their episode's own span are keyed by patient: there the loader's
/// assignment is certain (one patient's episodes never overlap); baselines before admission
/// and follow-ups after discharge keep their episode number in `assessments.csv`.
enum EHRShapes {
    /// Months (ending with the end date's) whose sessions are written as appointments and whose
    /// PHQ-9 and GAD-7 item answers are written to the flowsheet.
    static let appointmentMonths = 3
    /// The instruments of the flowsheet and the measurement feed.
    static let flowsheetInstruments: Set<String> = ["PHQ-9", "GAD-7"]

    /// True when `day` falls in the episode's own span (admission to discharge, or on).
    static func insideEpisode(_ day: Day, _ episode: Episode) -> Bool {
        episode.span.contains(day)
    }

    /// Where an assessment is written.
    enum AssessmentFile { case wide, flowsheet, feed }

    /// - Parameter firstLongDay: the first day of the months whose scores go to the flowsheet.
    static func file(of assessment: Assessment, in episode: Episode, firstLongDay: Day) -> AssessmentFile {
        guard flowsheetInstruments.contains(assessment.instrument), insideEpisode(assessment.assessedOn, episode) else {
            return .wide
        }
        if assessment.items.isEmpty { return .feed }
        return assessment.assessedOn >= firstLongDay ? .flowsheet : .wide
    }

    /// The first day of the months written in the long and patient-keyed shapes.
    static func firstShapeDay(endDate: Day) -> Day { endDate.startOfMonth.adding(months: 1 - appointmentMonths) }

    /// The start of a session, in minutes after midnight, by type (a clinic's usual schedule).
    static func startMinutes(_ type: SessionType) -> Int {
        switch type {
        case .group: return 9 * 60
        case .individual: return 13 * 60 + 30
        case .family: return 16 * 60
        case .psychiatry: return 11 * 60 + 15
        case .psychoeducation: return 10 * 60
        case .other: return 12 * 60
        }
    }

    /// The start of a session as `hh:mm a` (`01:30 PM`).
    static func startTime(_ type: SessionType) -> String {
        let minutes = startMinutes(type)
        let hour = minutes / 60 % 12 == 0 ? 12 : minutes / 60 % 12
        return "\(pad(hour, 2)):\(pad(minutes % 60, 2)) \(minutes < 12 * 60 ? "AM" : "PM")"
    }

    /// `MM/dd/yyyy hh:mm a`.
    static func usDateTime(_ day: Day, _ time: String) -> String {
        let iso = day.description
        return "\(iso.dropFirst(5).prefix(2))/\(iso.suffix(2))/\(iso.prefix(4)) \(time)"
    }

    /// ISO 8601 with the Central offset of the flowsheet's server: 09:40 local, -05:00 (the
    /// same calendar date in America/Chicago in summer and winter).
    static func isoDateTime(_ day: Day) -> String { "\(day)T09:40:00-05:00" }

    /// The answer text of PHQ-9 and GAD-7 responses 0-3.
    static let answerText = ["Not at all", "Several days", "More than half the days", "Nearly every day"]

    /// The flowsheet's item reference: PHQ-9 items by number, GAD-7 items by LOINC code.
    static func itemReference(_ instrument: Instrument, _ number: Int) -> String {
        instrument.code == "GAD-7" ? instrument.loincItems[number - 1] : String(number)
    }
}
