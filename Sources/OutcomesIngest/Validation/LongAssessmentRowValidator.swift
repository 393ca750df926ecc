import OutcomesCore

/// One row of a long assessment file (grain: one row per item answer), validated: which
/// assessment it belongs to and what it answers.
struct ItemAnswer {
    /// The assessment the row belongs to: episode, instrument and date.
    struct Group: Hashable {
        var episodeID: String
        var instrument: String
        var day: Day
    }

    /// What the row gives.
    enum Part: Hashable {
        case item(Int, Score)
        case total(Score)
        /// A question asked with the instrument but never summed (the difficulty question).
        case unscored
    }

    var part: Part
    var timepoint: Timepoint?
}

/// Validates rows of a long assessment file: episode (or patient), date or date-time,
/// instrument, `item` (its number, its LOINC code, the instrument's total LOINC code or
/// `total`), `answer` (a number, a LOINC answer code, or text the mapping translates to
/// points) and `timepoint`. The group key comes first, so that a row whose answer is bad still
/// rejects the assessment it belongs to.
struct LongAssessmentRowValidator {
    let context: ValidationContext
    let episode, patient, assessedOn, instrument, item, answer, timepoint: ColumnRef

    init(layout: ColumnLayout, context: ValidationContext) {
        self.context = context
        (episode, patient) = (layout.column("episode_id"), layout.column("patient_id"))
        assessedOn = layout.column("assessed_on")
        (instrument, item, answer) = (layout.column("instrument"), layout.column("item"), layout.column("answer"))
        timepoint = layout.column("timepoint")
    }

    /// The assessment the row belongs to.
    func group(_ row: RowFields) throws(RowReject) -> ItemAnswer.Group {
        let key = try context.episodeKey(row, episode: episode, patient: patient)
        let day = try row.requiredDate(assessedOn)
        let (episodeID, _) = try context.resolve(key, on: day, table: .assessments, dateColumn: assessedOn.name)
        let scale = try self.scale(row)
        return ItemAnswer.Group(episodeID: episodeID, instrument: scale.code, day: day)
    }

    /// The column a row's assessment is found by (`ValidationContext.keyColumn`).
    var keyColumn: ColumnRef { ValidationContext.keyColumn(episode: episode, patient: patient) }

    /// The key `AssessmentRelease` counts the row under: its episode id, or its patient identifier
    /// as pseudonymised (the rows of one patient share it); nil when blank (the row joins no
    /// assessment). A function of the row's `keyColumn` field alone.
    func releaseKey(_ row: RowFields) -> String? {
        keyColumn === patient ? row.text(patient).map { String(Pseudonymizer.pseudonymised($0)) } : row.text(episode)
    }

    /// What the row answers.
    func answer(_ row: RowFields, in group: ItemAnswer.Group) throws(RowReject) -> ItemAnswer {
        let found = try context.registry.withInstrument(group.instrument) { scale throws(RowReject) in
            try itemAnswer(row, scale)
        }
        guard let found else { throw RowReject(instrument.name, .unknownCode, "unknown instrument") }
        return found
    }

    /// What the row answers of `scale`, the instrument of its assessment.
    private func itemAnswer(_ row: RowFields, _ scale: Instrument) throws(RowReject) -> ItemAnswer {
        let part: ItemAnswer.Part
        switch try itemReference(row, scale) {
        case .unscored: part = .unscored
        case .total: part = .total(try value(row, scale))
        case .item(let number, _):
            let points = try value(row, scale)
            let allowed = scale.itemValues[number - 1]
            guard allowed.contains(points) else {
                throw RowReject(answer.name, .outOfRange,
                                "\(points) is not a response of \(scale.code) item \(number) (allowed: \(allowed))")
            }
            part = .item(number, points)
        }
        return ItemAnswer(part: part, timepoint: try row.code(timepoint, CodeTables.timepoint, required: false))
    }

    private func scale(_ row: RowFields) throws(RowReject) -> Instrument {
        let code = try row.required(instrument)
        guard let scale = context.registry[code] else {
            let accepted = context.registry.codes.joined(separator: ", ")
            throw RowReject(instrument.name, .unknownCode, "the value is not an instrument code; accepted: \(accepted)")
        }
        return scale
    }

    private func itemReference(_ row: RowFields, _ scale: Instrument) throws(RowReject) -> ItemAnswer.Part {
        let text = try row.required(item)
        if let number = Int(text) {
            guard (1...scale.itemCount).contains(number) else {
                throw RowReject(item.name, .outOfRange, "\(scale.code) has items 1...\(scale.itemCount)")
            }
            return .item(number, 0)
        }
        if let index = scale.loincItems.firstIndex(of: text) { return .item(index + 1, 0) }
        if text == scale.loincTotal || text.lowercased() == "total" { return .total(0) }
        // The difficulty question, and (`panel`) a FHIR panel whose items are member Observations.
        if scale.loincUnscored.contains(text) || text == "panel" { return .unscored }
        let codes = scale.loincItems + [scale.loincTotal ?? "total"]
        let accepted = codes.count > 1 ? "; accepted codes: \(codes.joined(separator: ", "))" : ""
        throw RowReject(item.name, .unknownCode, "the value is neither an item number 1...\(scale.itemCount) nor a LOINC "
                        + "item or total code of \(scale.code)\(accepted)")
    }

    /// The answer's points: a LOINC answer code of the instrument, or a number (after the
    /// mapping's translation of answer text).
    private func value(_ row: RowFields, _ scale: Instrument) throws(RowReject) -> Score {
        let text = try row.required(answer)
        if let points = scale.loincAnswers[text] { return points }
        guard let points = try row.score(answer, of: scale) else {
            throw RowReject(answer.name, .missingField, "answer is required and is blank")
        }
        return points
    }
}
