import OutcomesCore

/// Validates rows of `assessments` (grain: one row per administration of an instrument).
///
/// Items come after `instrument` and before `total`. A row gives items, a total, or both; when
/// it gives both they must agree with the scored total (prorated where the instrument allows).
struct AssessmentRowValidator: TableRowValidator {
    let context: ValidationContext
    let episode, patient, assessedOn, instrument, total, timepoint: ColumnRef
    /// `item_1` ... `item_n` as far as the file has item columns.
    let items: [ColumnRef]

    init(layout: ColumnLayout, context: ValidationContext) {
        self.context = context
        (episode, assessedOn, instrument) = (layout.column("episode_id"), layout.column("assessed_on"), layout.column("instrument"))
        (total, timepoint) = (layout.column("total"), layout.column("timepoint"))
        patient = layout.column("patient_id")
        items = layout.itemFields.indices.map { layout.column("item_\($0 + 1)") }
    }

    func validate(_ row: RowFields) throws(RowReject) -> CanonicalRecord {
        let key = try context.episodeKey(row, episode: episode, patient: patient)
        let day = try row.requiredDate(assessedOn)
        let (episodeID, _) = try context.resolve(key, on: day, table: .assessments, dateColumn: assessedOn.name)
        let code = try row.required(instrument)
        let assessment = try context.registry.withInstrument(code) { scale throws(RowReject) in
            try self.assessment(row, scale, episodeID: episodeID, day: day)
        }
        guard let assessment else {
            throw RowReject(instrument.name, .unknownCode, "the value is not an instrument code; accepted: \(context.registry.codes.joined(separator: ", "))")
        }
        return .assessment(assessment)
    }

    /// The row's assessment of `scale`, the instrument it names.
    private func assessment(_ row: RowFields, _ scale: Instrument, episodeID: String, day: Day) throws(RowReject)
        -> Assessment {
        let responses = try itemResponses(row, scale)
        let given = try row.score(total, of: scale)
        let scored = try scale.assessed(responses: responses, given: given, itemColumn: { number in
            number == 1 ? items.first?.name : "item_\(number)"
        }, totalColumn: total.name)
        return Assessment(
            episodeID: episodeID, assessedOn: day, instrument: scale.code, items: responses ?? [],
            score: scored.score, scoring: scored.method,
            timepoint: try row.code(timepoint, CodeTables.timepoint, required: false))
    }

    /// The item responses in item order (nil = unanswered), or nil when the row gives none.
    /// Reports, at its column, whichever comes first: a bad or out-of-range response, or the
    /// first missing item when more are missing than the instrument allows.
    private func itemResponses(_ row: RowFields, _ scale: Instrument) throws(RowReject) -> [Score?]? {
        var responses = [Score?](repeating: nil, count: scale.itemCount)
        var present = 0
        var firstMissing: Int?
        var firstProblem: (item: Int, reject: RowReject)?
        for number in 1...max(items.count, scale.itemCount) {
            let column = number <= items.count ? items[number - 1] : ColumnRef.absent("item_\(number)")
            if row.isBlank(column) {
                if number <= scale.itemCount, firstMissing == nil { firstMissing = number }
                continue
            }
            if number <= scale.itemCount { present += 1 }
            guard firstProblem == nil else { continue }
            do throws(RowReject) {
                guard let value = try row.score(column, of: scale) else { continue }
                guard number <= scale.itemCount else {
                    throw RowReject(column.name, .outOfRange, "\(scale.code) has \(scale.itemCount) items; \(column.name) must be blank")
                }
                let allowed = scale.itemValues[number - 1]
                guard allowed.contains(value) else {
                    throw RowReject(column.name, .outOfRange,
                                    "\(value) is not a response of \(scale.code) item \(number) (allowed: \(allowed))")
                }
                responses[number - 1] = value
            } catch {
                firstProblem = (number, error)
            }
        }
        let missing = scale.itemCount - present
        if let firstMissing, present > 0, missing > scale.allowedMissingItems,
           firstMissing < (firstProblem?.item ?? Int.max) {
            throw RowReject("item_\(firstMissing)", .tooManyMissingItems,
                            "\(missing) of \(scale.itemCount) items are missing; \(scale.code) allows \(scale.allowedMissingItems)")
        }
        if let firstProblem { throw firstProblem.reject }
        return present > 0 ? responses : nil
    }
}
