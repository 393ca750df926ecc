import OutcomesCore

/// How a canonical record maps onto its SQL table: the table, its natural-key column, and
/// the record's values in column order.
struct StoredTable {
    let name: String
    /// Content columns in order; `keyColumn` is one of them.
    let columns: [String]
    let keyColumn: String
    /// The column referring to another record (a session's episode), which a foreign key checks.
    var foreignKeyColumn: String?

    var keyIndex: Int { columns.firstIndex(of: keyColumn) ?? 0 }
}

/// A Core value that the store can write.
protocol StoredRecord {
    static var stored: StoredTable { get }
    /// Values aligned with `stored.columns`.
    var storedValues: [SQLValue] { get }
}

/// Encodes natural-key parts unambiguously: each part as `<UTF-8 byte length>:<part>`, one after
/// another (`E1`, `G1` -> `2:E12:G1`). A separator alone is not enough: any byte can sit in a
/// value, so `E1,G1\u{1F}X` and `E1\u{1F}G1,X` joined by U+001F were one key (issue 9.3).
/// Migration v2 computes the same encoding in SQL for rows stored before.
func naturalKey(_ parts: String...) -> String {
    var key = ""
    for part in parts {
        key += String(part.utf8.count)
        key += ":"
        key += part
    }
    return key
}

extension Episode: StoredRecord {
    static let stored = StoredTable(
        name: "episode",
        columns: ["episode_id", "patient_key", "program", "site", "level_of_care", "admission_date", "discharge_date",
                  "discharge_reason", "age_at_admission", "sex", "race", "ethnicity", "payer", "referral_source",
                  "primary_dx", "planned_weeks"],
        keyColumn: "episode_id")

    var storedValues: [SQLValue] {
        [.text(episodeID), .text(patientKey), .text(program), SQLValue(site), .text(levelOfCare.rawValue),
         .text(admissionDate.description), SQLValue(dischargeDate?.description), SQLValue(dischargeReason?.rawValue),
         SQLValue(ageAtAdmission), SQLValue(sex), SQLValue(race), SQLValue(ethnicity), SQLValue(payer),
         SQLValue(referralSource), SQLValue(primaryDx), SQLValue(plannedWeeks)]
    }
}

extension Session: StoredRecord {
    static let stored = StoredTable(
        name: "session",
        columns: ["natural_key", "session_id", "episode_id", "session_date", "session_type", "modality", "status",
                  "scheduled_minutes", "attended_minutes", "staff_id"],
        keyColumn: "natural_key", foreignKeyColumn: "episode_id")

    /// `session_id` when the export has one, else episode, date and type (SPEC section 5).
    var naturalKeyText: String {
        if let sessionID { return naturalKey("id", sessionID) }
        return naturalKey(episodeID, date.description, type.rawValue)
    }

    var storedValues: [SQLValue] {
        [.text(naturalKeyText), SQLValue(sessionID), .text(episodeID), .text(date.description), .text(type.rawValue),
         SQLValue(modality?.rawValue), .text(status.rawValue), .integer(Int64(scheduledMinutes)),
         SQLValue(attendedMinutes), SQLValue(staffID)]
    }
}

extension Assessment: StoredRecord {
    static let stored = StoredTable(
        name: "assessment",
        columns: ["natural_key", "episode_id", "assessed_on", "instrument", "item_responses", "score",
                  "score_decimals", "scoring_method", "timepoint"],
        keyColumn: "natural_key", foreignKeyColumn: "episode_id")

    /// Item responses as stored: exact decimal text (`Score.description`), comma-separated,
    /// blank for an unanswered item, empty when only a total was given.
    var itemResponsesText: String { items.map { $0?.description ?? "" }.joined(separator: ",") }

    /// The score is stored exactly as whole units of 10^-`score_decimals` (migration v3).
    var storedValues: [SQLValue] {
        [.text(naturalKey(episodeID, instrument, assessedOn.description)), .text(episodeID),
         .text(assessedOn.description), .text(instrument), .text(itemResponsesText), .integer(score.units),
         .integer(Int64(score.decimals)), .text(scoring.rawValue), SQLValue(timepoint?.rawValue)]
    }
}

extension Goal: StoredRecord {
    static let stored = StoredTable(
        name: "goal",
        columns: ["natural_key", "episode_id", "goal_id", "domain", "weight", "baseline_level", "attained_level",
                  "rated_on"],
        keyColumn: "natural_key", foreignKeyColumn: "episode_id")

    var storedValues: [SQLValue] {
        [.text(naturalKey(episodeID, goalID)), .text(episodeID), .text(goalID), SQLValue(domain), .real(weight),
         .integer(Int64(baselineLevel)), SQLValue(attainedLevel), SQLValue(ratedOn?.description)]
    }
}

extension ClinicalEvent: StoredRecord {
    static let stored = StoredTable(
        name: "clinical_event",
        columns: ["natural_key", "patient_key", "event_date", "event_type", "source"],
        keyColumn: "natural_key")

    var storedValues: [SQLValue] {
        [.text(naturalKey(patientKey, date.description, type.rawValue)), .text(patientKey),
         .text(date.description), .text(type.rawValue), SQLValue(source)]
    }
}
