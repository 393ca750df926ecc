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
    /// Columns stored as numbers that a record gives as text (`TableWriter` looks them up).
    var numbered: [String: NumberedColumn] = [:]

    var keyIndex: Int { columns.firstIndex(of: keyColumn) ?? 0 }

    /// The name a column has in input files: `episode_no` is given as `episode_id`.
    func inputName(of column: String) -> String { numbered[column]?.inputName ?? column }
}

/// A column that holds the number of a text value kept in another table: a session's
/// `episode_no` (given as the episode id), `staff_no`, an assessment's `instrument_no`.
struct NumberedColumn {
    /// The table that numbers the values.
    let table: String
    let numberColumn: String
    let textColumn: String
    /// Whether a new value gets a number (a dictionary) or must already have one (episodes).
    let addsNewValues: Bool
    /// The column's name in input files.
    let inputName: String

    static let episode = NumberedColumn(table: "episode", numberColumn: "episode_no", textColumn: "episode_id",
                                        addsNewValues: false, inputName: "episode_id")
    static let staff = NumberedColumn(table: "staff", numberColumn: "staff_no", textColumn: "staff_id",
                                      addsNewValues: true, inputName: "staff_id")
    static let instrument = NumberedColumn(table: "instrument", numberColumn: "instrument_no", textColumn: "code",
                                           addsNewValues: true, inputName: "instrument")
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
///
/// Written into the key's own storage, each part's bytes copied at once: built with `+=`, it was
/// an eighth of the reading thread's instructions on a sessions file (callgrind), one String
/// append per part; taking the parts as a variadic list cost an array per row.
func naturalKey(_ first: String, _ second: String, _ third: String? = nil) -> String {
    var (first, second, third) = (first, second, third)
    // The exact length: a key of up to 15 bytes is then built in place as a small string.
    let length = keyPartLength(first) + keyPartLength(second) + (third.map(keyPartLength) ?? 0)
    return String(unsafeUninitializedCapacity: length) { key in
        var end = writeKeyPart(&first, into: key, at: 0)
        end = writeKeyPart(&second, into: key, at: end)
        if var third { end = writeKeyPart(&third, into: key, at: end) }
        return end
    }
}

/// The bytes `part` takes in a natural key: its length's digits, the colon, its bytes.
private func keyPartLength(_ part: String) -> Int {
    decimalDigits(part.utf8.count) + 1 + part.utf8.count
}

/// Writes `part` as `<UTF-8 byte length>:<part>` at `start`; returns the position after it.
private func writeKeyPart(_ part: inout String, into key: UnsafeMutableBufferPointer<UInt8>, at start: Int) -> Int {
    part.withUTF8 { bytes in
        var end = writeDecimal(bytes.count, into: key, at: start)
        key[end] = UInt8(ascii: ":")
        end += 1
        guard let source = bytes.baseAddress, let target = key.baseAddress else { return end }
        (target + end).update(from: source, count: bytes.count)
        return end + bytes.count
    }
}

/// The number of decimal digits of `value` (non-negative).
private func decimalDigits(_ value: Int) -> Int {
    var digits = 1
    var power = 10
    while power <= value {
        digits += 1
        power *= 10
    }
    return digits
}

/// Writes `value` (non-negative) in decimal at `start`; returns the position after its last digit.
private func writeDecimal(_ value: Int, into buffer: UnsafeMutableBufferPointer<UInt8>, at start: Int) -> Int {
    let digits = decimalDigits(value)
    var rest = value
    for position in stride(from: start + digits - 1, through: start, by: -1) {
        buffer[position] = UInt8(ascii: "0") + UInt8(rest % 10)
        rest /= 10
    }
    return start + digits
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
        columns: ["natural_key", "session_id", "episode_no", "session_day", "session_type", "modality", "status",
                  "scheduled_minutes", "attended_minutes", "staff_no"],
        keyColumn: "natural_key", foreignKeyColumn: "episode_no",
        numbered: ["episode_no": .episode, "staff_no": .staff])

    /// `session_id` when the export has one, else episode, date and type (SPEC section 5).
    var naturalKeyText: String {
        if let sessionID { return naturalKey("id", sessionID) }
        return naturalKey(episodeID, date.description, type.rawValue)
    }

    /// The episode and staff are given as text; `TableWriter` stores their numbers.
    var storedValues: [SQLValue] {
        [.text(naturalKeyText), SQLValue(sessionID), .text(episodeID), .integer(Int64(date.ordinal)),
         .integer(StoredCodes.sessionType.number(type)), SQLValue(modality.map(StoredCodes.modality.number)),
         .integer(StoredCodes.sessionStatus.number(status)), .integer(Int64(scheduledMinutes)),
         SQLValue(attendedMinutes), SQLValue(staffID)]
    }
}

extension Assessment: StoredRecord {
    static let stored = StoredTable(
        name: "assessment",
        columns: ["natural_key", "episode_no", "assessed_day", "instrument_no", "item_responses", "score",
                  "score_decimals", "scoring_method", "timepoint"],
        keyColumn: "natural_key", foreignKeyColumn: "episode_no",
        numbered: ["episode_no": .episode, "instrument_no": .instrument])

    /// Item responses as stored: exact decimal text (`Score.description`), comma-separated,
    /// blank for an unanswered item, empty when only a total was given.
    var itemResponsesText: String {
        // Whole responses (all of them, nearly always) are written digit by digit into the text's
        // own storage: an array of descriptions joined was a seventh of the reading thread's time
        // on an assessments file.
        let allWhole = items.allSatisfy { $0.map { $0.decimals == 0 && $0.units.magnitude <= UInt64(Int.max) } ?? true }
        guard allWhole else {
            return items.map { $0?.description ?? "" }.joined(separator: ",")
        }
        let length = items.reduce(max(items.count - 1, 0)) { length, item in
            length + (item.map { decimalDigits(Int($0.units.magnitude)) + ($0.units < 0 ? 1 : 0) } ?? 0)
        }
        return String(unsafeUninitializedCapacity: length) { text in
            var end = 0
            for (index, item) in items.enumerated() {
                if index > 0 {
                    text[end] = UInt8(ascii: ",")
                    end += 1
                }
                guard let item else { continue }
                if item.units < 0 {
                    text[end] = UInt8(ascii: "-")
                    end += 1
                }
                end = writeDecimal(Int(item.units.magnitude), into: text, at: end)
            }
            return end
        }
    }

    /// The score is stored exactly as whole units of 10^-`score_decimals` (migration v3); the
    /// episode and instrument are given as text, and `TableWriter` stores their numbers.
    var storedValues: [SQLValue] {
        [.text(naturalKey(episodeID, instrument, assessedOn.description)), .text(episodeID),
         .integer(Int64(assessedOn.ordinal)), .text(instrument), .text(itemResponsesText), .integer(score.units),
         .integer(Int64(score.decimals)), .integer(StoredCodes.scoringMethod.number(scoring)),
         SQLValue(timepoint.map(StoredCodes.timepoint.number))]
    }
}

extension Goal: StoredRecord {
    static let stored = StoredTable(
        name: "goal",
        columns: ["natural_key", "episode_no", "goal_id", "domain", "weight", "baseline_level", "attained_level",
                  "rated_day"],
        keyColumn: "natural_key", foreignKeyColumn: "episode_no", numbered: ["episode_no": .episode])

    /// The episode is given as text; `TableWriter` stores its number.
    var storedValues: [SQLValue] {
        [.text(naturalKey(episodeID, goalID)), .text(episodeID), .text(goalID), SQLValue(domain), .real(weight),
         .integer(Int64(baselineLevel)), SQLValue(attainedLevel), SQLValue(ratedOn.map { Int64($0.ordinal) })]
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
